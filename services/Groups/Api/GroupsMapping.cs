using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>
/// networkplatform.groups.v1.GroupsService &lt;-&gt; the groups use cases' records. Groups are shown to one caller:
/// contact details and pending join requests only where that caller may see them.
/// </summary>
internal static class GroupsMapping
{
    public static GetGroupQuery ToQuery(V1.GetGroupRequest request) => new(request.NetworkId, request.GroupId);

    public static ListGroupsQuery ToQuery(V1.ListGroupsRequest request) => new(request.NetworkId, request.Kind.ToDomain(),
        request.State.ToDomain(),
        request.Scope.ToDomain(), request.PageSize, request.PageToken);

    public static CreateGroupCommand ToCommand(V1.CreateGroupRequest request) =>
        new(request.NetworkId, request.GroupId, request.RequestId, Draft(request.Group));

    public static ProposeGroupCommand ToCommand(V1.ProposeGroupRequest request) =>
        new(request.NetworkId, request.GroupId, request.RequestId, Draft(request.Group), request.Reason);

    public static UpdateGroupCommand ToCommand(V1.UpdateGroupRequest request)
    {
        var group = request.Group ?? new V1.Group();
        return new(group.NetworkId, group.GroupId, group.Etag, [.. request.UpdateMask?.Paths ?? []], Draft(group)!);
    }

    public static ApproveMandateCommand ToCommand(V1.ApproveMandateRequest request) =>
        new(request.NetworkId, request.GroupId, Draft(request.Mandate), request.Etag);

    public static ReviseMandateCommand ToCommand(V1.ReviseMandateRequest request) =>
        new(request.NetworkId, request.GroupId, Draft(request.Mandate), request.Etag);

    public static ActivateGroupCommand ToCommand(V1.ActivateGroupRequest request) =>
        new(request.NetworkId, request.GroupId, request.DecisionReference, request.Etag);

    public static ConcludeGroupCommand ToCommand(V1.ConcludeGroupRequest request) =>
        new(request.NetworkId, request.GroupId, request.Step switch
        {
            V1.ConclusionStep.Start => ConclusionStep.Start,
            V1.ConclusionStep.Complete => ConclusionStep.Complete,
            _ => null,
        }, request.DecisionReference, request.Etag);

    public static DissolveGroupCommand ToCommand(V1.DissolveGroupRequest request) =>
        new(request.NetworkId, request.GroupId, request.Reason, request.DecisionReference, request.Etag);

    public static AssignRoleCommand ToCommand(V1.AssignRoleRequest request) => new(request.NetworkId, request.GroupId, request.PersonId,
        request.OrganisationId, request.Role.ToDomain(), request.DisplayName, request.Etag);

    public static VacateRoleCommand ToCommand(V1.VacateRoleRequest request) =>
        new(request.NetworkId, request.GroupId, request.PersonId, request.Role.ToDomain(), request.Etag);

    public static JoinGroupCommand ToCommand(V1.JoinGroupRequest request) => new(request.NetworkId, request.GroupId, request.PersonId);

    public static ApproveJoinRequestCommand ToCommand(V1.ApproveJoinRequestRequest request) =>
        new(request.NetworkId, request.GroupId, request.PersonId, request.Approve);

    public static LeaveGroupCommand ToCommand(V1.LeaveGroupRequest request) => new(request.NetworkId, request.GroupId, request.PersonId);

    public static GetSecretariatOverviewQuery ToQuery(V1.GetSecretariatOverviewRequest request) => new(request.NetworkId, request.Year);

    public static GetOrganisationParticipationQuery ToQuery(V1.GetOrganisationParticipationRequest request) =>
        new(request.NetworkId, request.OrganisationId);

    public static V1.ListGroupsResponse ToProto(Page<Group> page, Caller caller) => new()
    {
        Groups = { page.Items.Select(g => ToProto(g, caller)) },
        NextPageToken = page.NextPageToken ?? "",
    };

    public static V1.JoinGroupResponse ToProto(JoinResult result, Caller caller) => new()
    {
        Group = ToProto(result.Group, caller),
        Joined = result.Joined,
    };

    public static V1.SecretariatOverview ToProto(IReadOnlyList<GroupOverview> overview, Caller caller) => new()
    {
        Groups = { overview.Select(o => ToOverview(o.Group, o.Measures, caller)) },
    };

    public static Func<IReadOnlyList<OrganisationInGroup>, Caller, V1.OrganisationParticipation> ToProto(string organisationId) =>
        (groups, caller) => new V1.OrganisationParticipation
        {
            OrganisationId = organisationId,
            Groups =
            {
                groups.Select(g => new V1.GroupParticipation
                {
                    GroupId = g.Group.Id,
                    DisplayName = g.Group.Details.DisplayName,
                    State = g.Group.State.ToProto(),
                    Participants = { g.Participants.Select(p => ToProto(p, caller.MaySeeContactDetails(g.Group, p))) },
                })
            },
        };

    public static V1.Group ToProto(Versioned<Group> stored, Caller caller)
    {
        var group = stored.Document;
        var proto = new V1.Group
        {
            NetworkId = group.NetworkId,
            GroupId = group.Id,
            DisplayName = group.Details.DisplayName,
            Description = group.Details.Description,
            Kind = group.Details.Kind.ToProto(),
            Scope = group.Details.Scope.ToProto(),
            State = group.State.ToProto(),
            JoinPolicy = group.Details.JoinPolicy.ToProto(),
            StartDate = ProtoValues.Format(group.Details.StartDate),
            EndDate = ProtoValues.Format(group.Details.EndDate),
            ContactEmail = group.Details.ContactEmail,
            SizeGuidance = ToProto(group.Size),
            CreateTime = Timestamp.FromDateTimeOffset(group.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(group.UpdatedAt),
            Etag = stored.ETag,
        };
        if (group.CurrentMandate is { } mandate)
        {
            proto.Mandate = ToProto(mandate);
        }
        proto.MandateHistory.AddRange(group.Mandates.Select(ToProto));
        proto.Participants.AddRange(group.Participants.Select(p => ToProto(p, caller.MaySeeContactDetails(group, p))));
        if (caller.HasRole(Roles.Secretariat) || caller.IsLeaderOf(group))
        {
            proto.PendingJoinRequests.AddRange(group.JoinRequests.Select(r => new V1.JoinRequest
            {
                PersonId = r.Person.PersonId,
                OrganisationId = r.Person.OrganisationId,
                DisplayName = r.Person.DisplayName,
                RequestTime = Timestamp.FromDateTimeOffset(r.RequestedAt),
            }));
        }
        proto.Lifecycle.AddRange(group.Lifecycle.Select(s => new V1.LifecycleStep
        {
            FromState = s.From?.ToProto() ?? V1.GroupState.Unspecified,
            ToState = s.To.ToProto(),
            DecidedBy = s.DecidedBy,
            DecisionReference = s.DecisionReference,
            Reason = s.Reason,
            DecideTime = Timestamp.FromDateTimeOffset(s.At),
        }));
        proto.Flags.AddRange(group.Flags.Select(f => f.ToProto()));
        proto.Warnings.AddRange(group.Warnings);
        return proto;
    }

    private static V1.Participant ToProto(Participant participant, bool withContactDetails) => new()
    {
        PersonId = participant.PersonId,
        OrganisationId = participant.OrganisationId,
        Roles = { participant.Roles.Select(r => r.ToProto()) },
        RepresentsMember = participant.RepresentsMember,
        DisplayName = participant.DisplayName,
        OrganisationName = participant.OrganisationName,
        Email = withContactDetails ? participant.Email : "",
        Phone = withContactDetails ? participant.Phone : "",
        JoinTime = Timestamp.FromDateTimeOffset(participant.JoinedAt),
    };

    private static V1.Mandate ToProto(Mandate mandate) => new()
    {
        Version = mandate.Version,
        Purpose = mandate.Terms.Purpose,
        Scope = mandate.Terms.Scope,
        Tasks = { mandate.Terms.Tasks },
        Deliverables = { mandate.Terms.Deliverables },
        ReportingDuties = { mandate.Terms.ReportingDuties },
        StartDate = ProtoValues.Format(mandate.Terms.StartDate),
        EndDate = ProtoValues.Format(mandate.Terms.EndDate),
        ApprovedByGroupId = mandate.Terms.ApprovedByGroupId,
        DecisionReference = mandate.Terms.DecisionReference,
        RecordedBy = mandate.RecordedBy,
        ApproveTime = Timestamp.FromDateTimeOffset(mandate.ApprovedAt),
    };

    private static V1.SizeGuidance ToProto(SizeGuidance size) => new()
    {
        Minimum = size.Minimum,
        Maximum = size.Maximum,
        ParticipantCount = size.ParticipantCount,
        Assessment = size.Assessment.ToProto(),
    };

    private static V1.GroupOverview ToOverview(Group group, IReadOnlyList<Measure> measures, Caller caller)
    {
        var overview = new V1.GroupOverview
        {
            GroupId = group.Id,
            DisplayName = group.Details.DisplayName,
            Kind = group.Details.Kind.ToProto(),
            State = group.State.ToProto(),
            Participants = { group.Participants.Select(p => ToProto(p, caller.MaySeeContactDetails(group, p))) },
            Measures = { measures.Select(m => new V1.OwnedMeasure { MeasureId = m.Id, Title = m.Title, Status = m.Status.ToProto() }) },
            Flags = { group.Flags.Select(f => f.ToProto()) },
            Warnings = { group.Warnings },
        };
        if (group.Leader is { } leader)
        {
            overview.Leader = ToProto(leader, caller.MaySeeContactDetails(group, leader));
        }
        return overview;
    }

    private static GroupDraft? Draft(V1.Group? group) => group is null
        ? null
        : new(group.DisplayName, group.Description, group.Kind.ToDomain(), group.Scope.ToDomain(), group.JoinPolicy.ToDomain(),
            group.StartDate,
            group.EndDate, group.ContactEmail);

    private static MandateDraft? Draft(V1.Mandate? mandate) => mandate is null
        ? null
        : new(mandate.Purpose, mandate.Scope, [.. mandate.Tasks], [.. mandate.Deliverables], [.. mandate.ReportingDuties],
            mandate.StartDate,
            mandate.EndDate, mandate.ApprovedByGroupId, mandate.DecisionReference);
}
