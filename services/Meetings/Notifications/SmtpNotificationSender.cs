using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Notifications;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; } = true;

    public string From { get; set; } = "";
}

/// <summary>Sends notices through an SMTP relay, the .ics as a text/calendar attachment. Recipients without an address are
/// skipped.</summary>
public sealed class SmtpNotificationSender(SmtpOptions options) : INotificationSender
{
    public async Task SendAsync(string subject, string body, IReadOnlyList<Recipient> to,
        IReadOnlyList<Recipient> cc, (string FileName, string Content)? calendar, CancellationToken cancellationToken)
    {
        using var message = new MailMessage { From = new MailAddress(options.From), Subject = subject, Body = body,
            BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        foreach (var recipient in to.Where(r => r.Email.Length > 0))
        {
            message.To.Add(new MailAddress(recipient.Email, recipient.Name));
        }
        foreach (var recipient in cc.Where(r => r.Email.Length > 0))
        {
            message.CC.Add(new MailAddress(recipient.Email, recipient.Name));
        }
        if (message.To.Count + message.CC.Count == 0)
        {
            return;
        }
        if (calendar is { } ics)
        {
            var attachment = Attachment.CreateAttachmentFromString(ics.Content,
                new ContentType("text/calendar; charset=utf-8; method="
                    + (ics.Content.Contains("\r\nMETHOD:CANCEL\r\n", StringComparison.Ordinal) ? "CANCEL" : "REQUEST")));
            attachment.Name = ics.FileName;
            message.Attachments.Add(attachment);
        }
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        await client.SendMailAsync(message, cancellationToken);
    }
}
