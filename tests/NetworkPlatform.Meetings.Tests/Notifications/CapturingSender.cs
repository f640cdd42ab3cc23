using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The mail adapter's port, keeping what it was asked to send.</summary>
internal sealed class CapturingSender : INotificationSender
{
    public List<(string Subject, IReadOnlyList<Recipient> To, IReadOnlyList<Recipient> Cc, (string FileName, string Content)? Calendar)>
        Sent { get; } = [];

    public Task SendAsync(string subject, string body, IReadOnlyList<Recipient> to, IReadOnlyList<Recipient> cc,
        (string FileName, string Content)? calendar, CancellationToken cancellationToken)
    {
        Sent.Add((subject, to, cc, calendar));
        return Task.CompletedTask;
    }
}
