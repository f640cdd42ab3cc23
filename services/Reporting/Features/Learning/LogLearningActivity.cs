using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Learning;

public sealed record LogLearningActivityCommand(string NetworkId, LearningKind? Kind, string OrganisationId, string GroupId,
    CalendarDay? Date,
    double Hours, int Participants, string Description, string RequestId) : INetworkRequest;

/// <summary>Learning at the workplace (004): an activity logged for an organisation or a group, once per request_id.</summary>
public sealed class LogLearningActivity(ReportingContext context) : IUseCase<LogLearningActivityCommand, LearningActivity>
{
    public void Authorize(LogLearningActivityCommand command, Caller caller) =>
        caller.EnsureAnyRole(Roles.Representative, Roles.GroupLeader, Roles.Secretariat, Roles.PartnerSystem);

    public void Validate(LogLearningActivityCommand command, Violations violations) => violations
        .Required("description", command.Description, 1000)
        .Date("date", command.Date)
        .Require(command.Kind is not null, "kind", "Required: EVERYDAY_LEARNING, PEER_GUIDANCE, REFLECTION_GROUP, INTERNAL_TEACHING, "
            + "JOB_ROTATION, MENTOR_SCHEME or KNOWLEDGE_TRANSFER_AFTER_COURSE.")
        .Require((command.OrganisationId.Length == 0) != (command.GroupId.Length == 0), "organisation_id",
            "Give exactly one of organisation_id or group_id: the activity belongs to one of them.")
        .Require(command.Hours is > 0 and <= 1000, "hours",
            $"{command.Hours} is not a duration in hours; use more than 0 and at most 1000.")
        .Require(command.Participants >= 1, "participants", "At least 1.");

    public async Task<LearningActivity> HandleAsync(LogLearningActivityCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var key = IdempotencyKey.For("learning", caller, command.RequestId, command);
        var activityId = await context.RecordAsync(command.NetworkId, key, async unit =>
        {
            if (command.OrganisationId.Length > 0)
            {
                await References.RequireOrganisationAsync(unit, command.NetworkId, command.OrganisationId, cancellationToken);
            }
            else
            {
                await References.RequireGroupAsync(unit, command.NetworkId, command.GroupId, cancellationToken);
            }
            var id = Guid.NewGuid().ToString("N");
            return ((IDomainEvent)new LearningActivityLogged(Guid.NewGuid(), context.Now, command.NetworkId, id,
                1, id,
                command.Kind!.Value.ToString(), ReportingRules.NullIfEmpty(command.OrganisationId),
                    ReportingRules.NullIfEmpty(command.GroupId),
                command.Date!.ToDate(), (decimal)command.Hours, command.Participants, command.Description, caller.Subject), id);
        }, cancellationToken);
        return (await context.Store.GetAsync(ReportingCollections.Learning, command.NetworkId, activityId, cancellationToken)
            ?? throw new NotFoundException("learning activity", activityId)).Document;
    }
}
