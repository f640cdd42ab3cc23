using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Contract;

/// <summary>Proto (networkplatform.membership.v1) &lt;-&gt; domain. Enum conversions return null for UNSPECIFIED and unknown numbers.</summary>
public static class ProtoMapping
{
    public static NetworkKind? ToDomain(V1.NetworkKind kind) => kind switch
    {
        V1.NetworkKind.Partnership => NetworkKind.Partnership,
        V1.NetworkKind.ProfessionalNetwork => NetworkKind.ProfessionalNetwork,
        V1.NetworkKind.HealthPromotingNetwork => NetworkKind.HealthPromotingNetwork,
        V1.NetworkKind.CollectiveImpactInitiative => NetworkKind.CollectiveImpactInitiative,
        V1.NetworkKind.WorkplaceProgramme => NetworkKind.WorkplaceProgramme,
        _ => null,
    };

    public static V1.NetworkKind ToProto(NetworkKind kind) => kind switch
    {
        NetworkKind.Partnership => V1.NetworkKind.Partnership,
        NetworkKind.ProfessionalNetwork => V1.NetworkKind.ProfessionalNetwork,
        NetworkKind.HealthPromotingNetwork => V1.NetworkKind.HealthPromotingNetwork,
        NetworkKind.CollectiveImpactInitiative => V1.NetworkKind.CollectiveImpactInitiative,
        NetworkKind.WorkplaceProgramme => V1.NetworkKind.WorkplaceProgramme,
        _ => V1.NetworkKind.Unspecified,
    };

    public static OrganisationKind? ToDomain(V1.OrganisationKind kind) => kind switch
    {
        V1.OrganisationKind.Municipality => OrganisationKind.Municipality,
        V1.OrganisationKind.Hospital => OrganisationKind.Hospital,
        V1.OrganisationKind.StateAgency => OrganisationKind.StateAgency,
        V1.OrganisationKind.Ngo => OrganisationKind.Ngo,
        V1.OrganisationKind.University => OrganisationKind.University,
        V1.OrganisationKind.Union => OrganisationKind.Union,
        V1.OrganisationKind.Company => OrganisationKind.Company,
        V1.OrganisationKind.Network => OrganisationKind.Network,
        _ => null,
    };

    public static V1.OrganisationKind ToProto(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => V1.OrganisationKind.Municipality,
        OrganisationKind.Hospital => V1.OrganisationKind.Hospital,
        OrganisationKind.StateAgency => V1.OrganisationKind.StateAgency,
        OrganisationKind.Ngo => V1.OrganisationKind.Ngo,
        OrganisationKind.University => V1.OrganisationKind.University,
        OrganisationKind.Union => V1.OrganisationKind.Union,
        OrganisationKind.Company => V1.OrganisationKind.Company,
        OrganisationKind.Network => V1.OrganisationKind.Network,
        _ => V1.OrganisationKind.Unspecified,
    };

    public static MembershipState? ToDomain(V1.MembershipState state) => state switch
    {
        V1.MembershipState.None => MembershipState.None,
        V1.MembershipState.Applied => MembershipState.Applied,
        V1.MembershipState.Active => MembershipState.Active,
        V1.MembershipState.Suspended => MembershipState.Suspended,
        V1.MembershipState.Resigned => MembershipState.Resigned,
        _ => null,
    };

    public static V1.MembershipState ToProto(MembershipState state) => state switch
    {
        MembershipState.None => V1.MembershipState.None,
        MembershipState.Applied => V1.MembershipState.Applied,
        MembershipState.Active => V1.MembershipState.Active,
        MembershipState.Suspended => V1.MembershipState.Suspended,
        MembershipState.Resigned => V1.MembershipState.Resigned,
        _ => V1.MembershipState.Unspecified,
    };

    public static RepresentativeRole? ToDomain(V1.RepresentativeRole role) => role switch
    {
        V1.RepresentativeRole.Representative => RepresentativeRole.Representative,
        V1.RepresentativeRole.Deputy => RepresentativeRole.Deputy,
        _ => null,
    };

    public static V1.RepresentativeRole ToProto(RepresentativeRole role) => role switch
    {
        RepresentativeRole.Representative => V1.RepresentativeRole.Representative,
        RepresentativeRole.Deputy => V1.RepresentativeRole.Deputy,
        _ => V1.RepresentativeRole.Unspecified,
    };

    public static V1.AppointmentEndReason ToProto(AppointmentEndReason? reason) => reason switch
    {
        AppointmentEndReason.Withdrawn => V1.AppointmentEndReason.Withdrawn,
        AppointmentEndReason.Replaced => V1.AppointmentEndReason.Replaced,
        AppointmentEndReason.MembershipEnded => V1.AppointmentEndReason.MembershipEnded,
        _ => V1.AppointmentEndReason.Unspecified,
    };

    public static ParticipationKind? ToDomain(V1.ParticipationKind kind) => kind switch
    {
        V1.ParticipationKind.JoinGroup => ParticipationKind.JoinGroup,
        V1.ParticipationKind.CreateGroup => ParticipationKind.CreateGroup,
        _ => null,
    };

    public static V1.ParticipationKind ToProto(ParticipationKind kind) => kind switch
    {
        ParticipationKind.JoinGroup => V1.ParticipationKind.JoinGroup,
        ParticipationKind.CreateGroup => V1.ParticipationKind.CreateGroup,
        _ => V1.ParticipationKind.Unspecified,
    };

    public static V1.ParticipationState ToProto(ParticipationState state) => state switch
    {
        ParticipationState.Pending => V1.ParticipationState.Pending,
        ParticipationState.Forwarded => V1.ParticipationState.Forwarded,
        ParticipationState.Approved => V1.ParticipationState.Approved,
        ParticipationState.Declined => V1.ParticipationState.Declined,
        _ => V1.ParticipationState.Unspecified,
    };

    public static Timestamp ToProto(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    public static V1.Network ToProto(Versioned<Network> stored)
    {
        var n = stored.Document;
        var proto = new V1.Network
        {
            Id = n.Id,
            DisplayName = n.DisplayName,
            Kind = ToProto(n.Kind),
            Country = n.Country,
            Region = n.Region,
            TimeZone = n.TimeZone,
            CreateTime = ToProto(n.CreatedAt),
            UpdateTime = ToProto(n.UpdatedAt),
            Etag = stored.ETag,
        };
        proto.Languages.AddRange(n.Languages);
        return proto;
    }

    public static V1.Organisation ToProto(Versioned<Organisation> stored)
    {
        var o = stored.Document;
        return new V1.Organisation
        {
            Id = o.Id,
            NetworkId = o.NetworkId,
            DisplayName = o.DisplayName,
            OrganisationNumber = o.OrganisationNumber,
            Kind = ToProto(o.Kind),
            Contact = ToProto(o.Contact),
            LinkedNetworkId = o.LinkedNetworkId ?? "",
            MembershipState = ToProto(o.Membership.State),
            CreateTime = ToProto(o.CreatedAt),
            UpdateTime = ToProto(o.UpdatedAt),
            Etag = stored.ETag,
        };
    }

    public static V1.ContactDetails ToProto(ContactDetails contact) =>
        new() { Email = contact.Email, Phone = contact.Phone, Address = contact.Address, Website = contact.Website };

    public static ContactDetails ToDomain(V1.ContactDetails? contact) => contact is null
        ? new ContactDetails()
        : new ContactDetails(contact.Email.Trim(), contact.Phone.Trim(), contact.Address.Trim(), contact.Website.Trim());

    public static V1.MembershipStep ToProto(MembershipStep step) => new()
    {
        FromState = ToProto(step.From),
        ToState = ToProto(step.To),
        DecidedBy = step.DecidedBy,
        DecideTime = ToProto(step.At),
        Reason = step.Reason,
    };

    /// <summary>Email and phone only for callers the <see cref="PersonalDataPolicy"/> allows (group leadership not considered).</summary>
    public static V1.Person ToProto(Versioned<Person> stored, Caller caller) => ToProto(stored, PersonalDataViewer.Of(caller));

    /// <summary>Email and phone only for viewers the <see cref="PersonalDataPolicy"/> allows.</summary>
    public static V1.Person ToProto(Versioned<Person> stored, PersonalDataViewer viewer)
    {
        var p = stored.Document;
        var visible = PersonalDataPolicy.MaySeePersonalData(viewer, p);
        var proto = new V1.Person
        {
            Id = p.Id,
            NetworkId = p.NetworkId,
            FullName = p.FullName,
            Email = visible ? p.Email : "",
            Phone = visible ? p.Phone : "",
            EmployerOrganisationId = p.EmployerOrganisationId,
            PersonalDataRedacted = !visible,
            CreateTime = ToProto(p.CreatedAt),
            UpdateTime = ToProto(p.UpdatedAt),
            Etag = stored.ETag,
        };
        proto.ExpertiseAreas.AddRange(p.ExpertiseAreas);
        return proto;
    }

    public static V1.ApprovingManager ToProto(ApprovingManager manager) =>
        new() { FullName = manager.FullName, Title = manager.Title, Email = manager.Email };

    public static ApprovingManager ToDomain(V1.ApprovingManager manager) =>
        new(manager.FullName.Trim(), manager.Title.Trim(), manager.Email.Trim());

    public static V1.Representative ToProto(Versioned<Appointment> stored, string personFullName)
    {
        var a = stored.Document;
        var proto = new V1.Representative
        {
            Id = a.Id,
            NetworkId = a.NetworkId,
            OrganisationId = a.OrganisationId,
            PersonId = a.PersonId,
            Role = ToProto(a.Role),
            HoursPerMonth = a.HoursPerMonth,
            ApprovingManager = ToProto(a.ApprovingManager),
            StartTime = ToProto(a.StartAt),
            EndReason = ToProto(a.EndReason),
            Active = a.IsActive,
            PersonFullName = personFullName,
            UpdateTime = ToProto(a.UpdatedAt),
            Etag = stored.ETag,
        };
        if (a.EndAt is { } end)
        {
            proto.EndTime = ToProto(end);
        }
        return proto;
    }

    public static V1.ParticipationRequest ToProto(Versioned<ParticipationRequest> stored)
    {
        var r = stored.Document;
        var proto = new V1.ParticipationRequest
        {
            Id = r.Id,
            OriginNetworkId = r.OriginNetworkId,
            OrganisationId = r.OrganisationId,
            PersonId = r.PersonId,
            Kind = ToProto(r.Kind),
            GroupId = r.GroupId,
            ProposedGroupName = r.ProposedGroupName,
            GroupNetworkId = r.GroupNetworkId,
            Motivation = r.Motivation,
            State = ToProto(r.State),
            HandlingNetworkId = r.HandlingNetworkId,
            AnsweredBy = r.AnsweredBy,
            AnswerNote = r.AnswerNote,
            CreateTime = ToProto(r.CreatedAt),
            Etag = stored.ETag,
        };
        if (r.AnsweredAt is { } answered)
        {
            proto.AnswerTime = ToProto(answered);
        }
        proto.ForwardingChain.AddRange(r.ForwardingChain.Select(s => new V1.ForwardingStep
        {
            FromNetworkId = s.FromNetworkId,
            ToNetworkId = s.ToNetworkId,
            ForwardedBy = s.ForwardedBy,
            ForwardTime = ToProto(s.At),
            Note = s.Note,
        }));
        return proto;
    }

    /// <summary>Event payloads use lower snake case names for enums, stable across languages.</summary>
    public static string EventName<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
