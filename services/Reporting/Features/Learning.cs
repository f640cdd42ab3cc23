using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using DomainKind = NetworkPlatform.Reporting.Domain.LearningKind;
using ProtoKind = NetworkPlatform.Reporting.V1.LearningKind;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Learning at the workplace (004): activities logged per organisation or group, summarised by kind.</summary>
public sealed class Learning(IDocumentStore store, ReportingCommands commands, ReportingQueries queries, TimeProvider clock)
{
    public async Task<V1.LearningActivity> LogAsync(LogLearningActivityRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.Representative, Roles.GroupLeader, Roles.Secretariat, Roles.PartnerSystem);
        var validation = new Validation().Required("description", request.Description, 1000);
        var date = validation.Date("date", request.Date);
        if (request.Kind == ProtoKind.Unspecified || !System.Enum.IsDefined(request.Kind))
        {
            validation.Add("kind", "Required: EVERYDAY_LEARNING, PEER_GUIDANCE, REFLECTION_GROUP, INTERNAL_TEACHING, JOB_ROTATION, MENTOR_SCHEME or KNOWLEDGE_TRANSFER_AFTER_COURSE.");
        }
        if ((request.OrganisationId.Length == 0) == (request.GroupId.Length == 0))
        {
            validation.Add("organisation_id", "Give exactly one of organisation_id or group_id: the activity belongs to one of them.");
        }
        if (request.Hours is <= 0 or > 1000 || double.IsNaN(request.Hours))
        {
            validation.Add("hours", $"{request.Hours} is not a duration in hours; use more than 0 and at most 1000.");
        }
        if (request.Participants < 1)
        {
            validation.Add("participants", "At least 1.");
        }
        validation.ThrowIfInvalid();

        var activityId = await commands.PreviousResultAsync(request.NetworkId, "learning", request.RequestId, ct);
        if (activityId is null)
        {
            activityId = Guid.NewGuid().ToString("N");
            var logged = new LearningActivityLogged(Guid.NewGuid(), clock.GetUtcNow(), request.NetworkId, activityId, 1, activityId, ToDomain(request.Kind).ToString(),
                NullIfEmpty(request.OrganisationId), NullIfEmpty(request.GroupId), date, (decimal)request.Hours, request.Participants, request.Description, caller.Subject);
            await commands.CommitAsync(logged, ct, "learning", request.RequestId, activityId);
        }
        var stored = (await store.GetAsync(ReportingCollections.Learning, request.NetworkId, activityId, ct))!.Document;
        return new V1.LearningActivity
        {
            ActivityId = stored.ActivityId,
            Kind = request.Kind,
            OrganisationId = stored.OrganisationId ?? "",
            GroupId = stored.GroupId ?? "",
            Date = Dates.ToProto(stored.Date),
            Hours = (double)stored.Hours,
            Participants = stored.Participants,
            Description = stored.Description,
        };
    }

    public async Task<SummariseLearningResponse> SummariseAsync(SummariseLearningRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        var validation = new Validation();
        var from = validation.Date("from", request.From);
        var to = validation.Date("to", request.To);
        validation.ThrowIfInvalid();
        var response = new SummariseLearningResponse();
        response.Kinds.AddRange(LearningFigures.Summarise(await queries.AllAsync(ReportingCollections.Learning, request.NetworkId, ct), from, to)
            .Select(s => new V1.LearningSummary { Kind = ToProto(s.Kind), Activities = s.Activities, Hours = (double)s.Hours, Participants = s.Participants }));
        return response;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DomainKind ToDomain(ProtoKind kind) => (DomainKind)((int)kind - 1);

    private static ProtoKind ToProto(DomainKind kind) => (ProtoKind)((int)kind + 1);
}
