using Microsoft.Extensions.Logging;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Notifications;

/// <summary>Mail is off (make run, tests): the notice is logged, and the event on the bus remains the delivery.</summary>
public sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(string subject, string body, IReadOnlyList<Recipient> to, IReadOnlyList<Recipient> cc,
        (string FileName, string Content)? calendar, CancellationToken cancellationToken)
    {
        Log(logger, subject, to.Count, cc.Count);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail is off; not sending '{Subject}' to {To} recipients (cc {Cc}).")]
    private static partial void Log(ILogger logger, string subject, int to, int cc);
}
