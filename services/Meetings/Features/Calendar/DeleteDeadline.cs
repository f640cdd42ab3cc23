using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

public sealed record DeleteDeadlineCommand(string NetworkId, string DeadlineId) : INetworkRequest;

/// <summary>The secretariat takes a deadline out of the partner calendar; the answer is the deadline as it was.</summary>
public sealed class DeleteDeadline(MeetingsContext context) : IUseCase<DeleteDeadlineCommand, Versioned<Deadline>>
{
    public void Authorize(DeleteDeadlineCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(DeleteDeadlineCommand command, Violations violations) => violations.NotEmpty(command.DeadlineId, "deadline_id",
        "deadline id");

    public Task<Versioned<Deadline>> HandleAsync(DeleteDeadlineCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var current = await unit.RequireForUpdateAsync(MeetingsResources.Deadlines, command.NetworkId, command.DeadlineId,
                cancellationToken);
            await unit.DeleteAsync(MeetingsCollections.Deadlines, command.NetworkId, command.DeadlineId, current.Version,
                cancellationToken);
            return current;
        }, cancellationToken);
}
