using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="TimeZone">Empty: the network's time zone.</param>
/// <param name="GroupId">Empty: the deadline concerns the whole network.</param>
public sealed record CreateDeadlineCommand(string NetworkId, string RequestId, string Title, string Description, DateTimeOffset? DueTime,
    string TimeZone, string GroupId) : INetworkRequest;

/// <summary>The secretariat posts a deadline (frist) in the partner calendar.</summary>
public sealed class CreateDeadline(MeetingsContext context) : IUseCase<CreateDeadlineCommand, Versioned<Deadline>>
{
    public void Authorize(CreateDeadlineCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(CreateDeadlineCommand command, Violations violations) => violations
        .Require(command.Title.Trim().Length is > 0 and <= 200, "deadline.title", "Give a title of 1..200 characters.")
        .Require(command.DueTime is not null, "deadline.due_time", "Give the time it is due.")
        .OptionalTimeZone(command.TimeZone, "deadline.time_zone")
        .MaxLength("request_id", command.RequestId, MeetingRules.MaxRequestId);

    public async Task<Versioned<Deadline>> HandleAsync(CreateDeadlineCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var key = IdempotencyKey.For(nameof(CreateDeadline), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(MeetingsResources.Deadlines, command.NetworkId, key,
            _ => Task.FromResult(Change<Deadline>.Quiet(
            Deadline.Post(Ids.New("dl"), command.NetworkId, command.Title.Trim(), command.Description, command.DueTime!.Value,
                command.TimeZone.Length > 0 ? command.TimeZone : settings.TimeZone, command.GroupId.Length > 0 ? command.GroupId : null,
                context.Now))), cancellationToken);
    }
}
