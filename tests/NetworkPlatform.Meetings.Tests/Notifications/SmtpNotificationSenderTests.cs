using System.Net.Mail;
using System.Text.Json;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Meetings.Tests.Notifications;

/// <summary>The mail adapter against an independent SMTP server (Debian's python3-aiosmtpd), read back with python's email parser.</summary>
public sealed class SmtpNotificationSenderTests : IAsyncLifetime
{
    private const string Invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Network Platform//Meetings//EN\r\nMETHOD:REQUEST\r\n"
        + "BEGIN:VEVENT\r\nUID:m-1@meetings.networkplatform\r\nDTSTAMP:20261123T120000Z\r\nDTSTART:20270112T090000Z\r\nSUMMARY:Oppstartsmøte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static readonly Recipient Kari = new(RecipientKind.Participant, "p-kari", "Kari Nordmann", "kari@bergen.kommune.no");
    private static readonly Recipient Ola = new(RecipientKind.Participant, "p-ola", "Ola Hansen", "ola@udir.no");
    private static readonly Recipient Secretariat = new(RecipientKind.Secretariat, null, "Sekretariatet", "post@partnerskap.no");
    private static readonly Recipient NoAddress = new(RecipientKind.Participant, "p-anne", "Anne Berg", "");

    private readonly string mailDirectory = Directory.CreateTempSubdirectory("np-smtp-").FullName;
    private int port;
    private PeerProcess? sink;

    public async Task InitializeAsync()
    {
        sink = await PythonServer.StartAsync(Path.Combine(AppContext.BaseDirectory, "tools", "smtp_sink.py"), ["0", mailDirectory], []);
        port = int.Parse((await sink.WaitUntilReadyAsync(TimeSpan.Zero)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
        Directory.Delete(mailDirectory, recursive: true);
    }

    [Fact]
    public async Task an_invitation_reaches_every_addressed_recipient_with_the_secretariat_copied_and_the_calendar_attached()
    {
        await Sender().SendAsync("Invitation: Oppstartsmøte", "Velkommen til oppstartsmøtet.", [Kari, Ola, NoAddress], [Secretariat], ("invitation.ics", Invitation), CancellationToken.None);

        var mail = await ReceivedAsync(1);
        Assert.Equal(["kari@bergen.kommune.no", "ola@udir.no", "post@partnerskap.no"], mail.GetProperty("rcpt_tos").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal(["Kari Nordmann <kari@bergen.kommune.no>", "Ola Hansen <ola@udir.no>"], Strings(mail, "to"));
        Assert.Equal(["Sekretariatet <post@partnerskap.no>"], Strings(mail, "cc"));
        Assert.Equal("Invitation: Oppstartsmøte", mail.GetProperty("subject").GetString());
        Assert.Equal("Velkommen til oppstartsmøtet.", mail.GetProperty("body").GetString()!.TrimEnd());
        var attachment = Assert.Single(mail.GetProperty("attachments").EnumerateArray());
        Assert.Equal("invitation.ics", attachment.GetProperty("filename").GetString());
        Assert.Equal("text/calendar", attachment.GetProperty("content_type").GetString());
        Assert.Equal("REQUEST", attachment.GetProperty("method").GetString());
        Assert.Equal(Invitation, attachment.GetProperty("content").GetString()!.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task a_cancellation_is_attached_with_the_cancel_method()
    {
        var cancellation = Invitation.Replace("METHOD:REQUEST", "METHOD:CANCEL", StringComparison.Ordinal);

        await Sender().SendAsync("Cancelled: Oppstartsmøte", "Møtet er avlyst.", [Kari], [Secretariat], ("cancellation.ics", cancellation), CancellationToken.None);

        var attachment = Assert.Single((await ReceivedAsync(1)).GetProperty("attachments").EnumerateArray());
        Assert.Equal("CANCEL", attachment.GetProperty("method").GetString());
    }

    [Fact]
    public async Task minutes_without_a_calendar_carry_no_attachment()
    {
        await Sender().SendAsync("Minutes: Oppstartsmøte", "Kari Nordmann ble valgt til leder.", [Kari], [Secretariat], null, CancellationToken.None);

        var mail = await ReceivedAsync(1);
        Assert.Empty(mail.GetProperty("attachments").EnumerateArray());
        Assert.Equal(["Sekretariatet <post@partnerskap.no>"], Strings(mail, "cc"));
    }

    [Fact]
    public async Task nothing_is_sent_when_no_recipient_has_an_address()
    {
        await Sender().SendAsync("Invitation", "Body", [NoAddress], [], null, CancellationToken.None);
        await Sender().SendAsync("Second", "Body", [Kari], [], null, CancellationToken.None);

        // Messages are numbered in arrival order: the only one is the second send.
        Assert.Equal("Second", (await ReceivedAsync(1)).GetProperty("subject").GetString());
        Assert.Single(Directory.GetFiles(mailDirectory, "*.json"));
    }

    [Fact]
    public async Task an_unreachable_relay_fails_the_send_so_the_inbox_retries_it()
    {
        using var refusing = new RefusingPort();
        var unreachable = new SmtpNotificationSender(new SmtpOptions { Host = "127.0.0.1", Port = refusing.Port, EnableSsl = false,
            From = "noreply@networkplatform.test" });

        await Assert.ThrowsAsync<SmtpException>(() => unreachable.SendAsync("Invitation", "Body", [Kari], [], null, CancellationToken.None));
    }

    private SmtpNotificationSender Sender() =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, From = "noreply@networkplatform.test" });

    private static string[] Strings(JsonElement mail, string property) =>
        mail.GetProperty(property).EnumerateArray().Select(a => a.GetString()!).ToArray();

    private async Task<JsonElement> ReceivedAsync(int number)
    {
        var file = Path.Combine(mailDirectory, $"{number}.json");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!File.Exists(file))
        {
            Assert.False(timeout.IsCancellationRequested, $"The SMTP server received no message #{number} within 15 s.\n{sink!.Output}");
            await Task.Delay(50, CancellationToken.None);
        }
        return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone();
    }
}
