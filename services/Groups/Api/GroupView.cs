using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>Groups as the API shows them to one caller: contact details only where that caller may see them.</summary>
public static class GroupView
{
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
            StartDate = ProtoDates.Format(group.Details.StartDate),
            EndDate = ProtoDates.Format(group.Details.EndDate),
            ContactEmail = group.Details.ContactEmail,
            SizeGuidance = ToProto(group.Size),
            CreateTime = ProtoDates.ToTimestamp(group.CreatedAt),
            UpdateTime = ProtoDates.ToTimestamp(group.UpdatedAt),
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
                RequestTime = ProtoDates.ToTimestamp(r.RequestedAt),
            }));
        }
        proto.Lifecycle.AddRange(group.Lifecycle.Select(s => new V1.LifecycleStep
        {
            FromState = s.From?.ToProto() ?? V1.GroupState.Unspecified,
            ToState = s.To.ToProto(),
            DecidedBy = s.DecidedBy,
            DecisionReference = s.DecisionReference,
            Reason = s.Reason,
            DecideTime = ProtoDates.ToTimestamp(s.At),
        }));
        proto.Flags.AddRange(group.Flags.Select(f => f.ToProto()));
        proto.Warnings.AddRange(group.Warnings);
        return proto;
    }

    public static V1.Participant ToProto(Participant participant, bool withContactDetails) => new()
    {
        PersonId = participant.PersonId,
        OrganisationId = participant.OrganisationId,
        Roles = { participant.Roles.Select(r => r.ToProto()) },
        RepresentsMember = participant.RepresentsMember,
        DisplayName = participant.DisplayName,
        OrganisationName = participant.OrganisationName,
        Email = withContactDetails ? participant.Email : "",
        Phone = withContactDetails ? participant.Phone : "",
        JoinTime = ProtoDates.ToTimestamp(participant.JoinedAt),
    };

    public static V1.Mandate ToProto(Mandate mandate) => new()
    {
        Version = mandate.Version,
        Purpose = mandate.Terms.Purpose,
        Scope = mandate.Terms.Scope,
        Tasks = { mandate.Terms.Tasks },
        Deliverables = { mandate.Terms.Deliverables },
        ReportingDuties = { mandate.Terms.ReportingDuties },
        StartDate = ProtoDates.Format(mandate.Terms.StartDate),
        EndDate = ProtoDates.Format(mandate.Terms.EndDate),
        ApprovedByGroupId = mandate.Terms.ApprovedByGroupId,
        DecisionReference = mandate.Terms.DecisionReference,
        RecordedBy = mandate.RecordedBy,
        ApproveTime = ProtoDates.ToTimestamp(mandate.ApprovedAt),
    };

    public static V1.SizeGuidance ToProto(SizeGuidance size) => new()
    {
        Minimum = size.Minimum,
        Maximum = size.Maximum,
        ParticipantCount = size.ParticipantCount,
        Assessment = size.Assessment.ToProto(),
    };

    public static V1.GroupOverview ToOverview(Group group, IReadOnlyList<Measure> measures, Caller caller)
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
}
