using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Notifications;

/// <summary>
/// Every few minutes (Meetings:ReminderSweepInterval, default 10 minutes), reminds the invitees of every meeting that
/// starts within its network's reminder lead time and was not reminded yet. Several replicas may sweep at once: the
/// etag check on the meeting lets only one of them send each reminder.
/// </summary>
public sealed partial class ReminderSweep(MeetingsDatabase database, SendReminder reminders, IConfiguration configuration,
    ILogger<ReminderSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Meetings:ReminderSweepInterval", TimeSpan.FromMinutes(10));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var network in await database.KnownNetworksAsync(cancellationToken))
        {
            sent += await reminders.RemindDueAsync(network.NetworkId, cancellationToken);
        }
        if (sent > 0)
        {
            LogSent(logger, sent);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} meeting reminders.")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder sweep failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
