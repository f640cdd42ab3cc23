using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

/// <param name="GroupId">The group whose meeting decided it: the measure must be its own.</param>
/// <param name="Status">As the minutes name it (e.g. "Done"; the former words such as "Completed" are read too).</param>
public sealed record RecordMeasureStatusCommand(string NetworkId, string MeasureId, string GroupId, string Status, string MeetingId)
    : INetworkRequest;

/// <summary>A measure's status decided at a meeting of its group (from the minutes). Run by the service's event handler.</summary>
public sealed class RecordMeasureStatus(GroupsContext context) : IUseCase<RecordMeasureStatusCommand, Versioned<Measure>>
{
    public void Authorize(RecordMeasureStatusCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(RecordMeasureStatusCommand command, Violations violations) => violations.Require(
        command.MeasureId.Length > 0 && MeasureStatuses.TryParse(command.Status, out _), "measure_status",
        $"A measure status decision names the measure and a status ({string.Join(", ", Enum.GetNames<MeasureStatus>())}); " +
        $"got {Violations.Quote(command.Status)}.");

    public Task<Versioned<Measure>> HandleAsync(RecordMeasureStatusCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var status = MeasureStatuses.Parse(command.Status);
        var at = context.Now;
        return context.Writes.ChangeAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, "", measure =>
        {
            if (measure.GroupId != command.GroupId)
            {
                throw new RuleViolationException("MEASURE_NOT_OWNED", $"measures/{command.MeasureId}",
                    $"The measure belongs to group '{measure.GroupId}', not to '{command.GroupId}'.");
            }
            if (measure.Status == status)
            {
                return Change<Measure>.Quiet(measure);
            }
            var changed = measure.WithStatus(status, at);
            return new Change<Measure>(changed, version =>
                MeasureStatusEvents.Changed(measure, changed, version, at, $"meeting {command.MeetingId}", command.MeetingId));
        }, cancellationToken);
    }
}
