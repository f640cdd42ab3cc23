using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Notifications;

/// <summary>Delivers a notice by mail. The SMTP adapter is used when Notifications:Smtp:Host is set; otherwise notices are only logged
/// (make run).</summary>
public interface INotificationSender
{
    Task SendAsync(string subject, string body, IReadOnlyList<Recipient> to, IReadOnlyList<Recipient> cc,
        (string FileName, string Content)? calendar, CancellationToken cancellationToken);
}
