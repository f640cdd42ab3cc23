using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>
/// What every area's mapping shares: the enums of networkplatform.membership.v1 &lt;-&gt; the domain's (null for
/// UNSPECIFIED and unknown numbers), an enum as a <see cref="Choice{T}"/> for the use cases to validate, and timestamps.
/// </summary>
public static class MembershipMapping
{
    /// <summary>The value the caller sent, with its API name (or number) and the allowed names for the violation when it names
    /// none.</summary>
    public static Choice<TDomain> ChoiceOf<TProto, TDomain>(TProto value, Func<TProto, TDomain?> toDomain)
        where TProto : struct, System.Enum where TDomain : struct
    {
        if (toDomain(value) is { } known)
        {
            return Choice<TDomain>.Of(known);
        }
        var allowed = string.Join(", ", System.Enum.GetNames<TProto>().Select(ProtoName<TProto>)
            .Where(n => !n.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)));
        var sent = System.Enum.IsDefined(value)
            ? ProtoName<TProto>(value.ToString())
            : Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return new Choice<TDomain>(null, sent, allowed);
    }

    /// <summary>An optional enum (a filter): null when UNSPECIFIED.</summary>
    public static Choice<TDomain>? FilterOf<TProto, TDomain>(TProto value, Func<TProto, TDomain?> toDomain)
        where TProto : struct, System.Enum where TDomain : struct =>
        Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 ? null : ChoiceOf(value, toDomain);

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

    public static V1.MembershipState ToProto(MembershipState? state) => state switch
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

    /// <summary>The name as written in the proto (ORGANISATION_KIND_HOSPITAL), which callers in every language see.</summary>
    private static string ProtoName<TProto>(string memberName) =>
        typeof(TProto).GetField(memberName)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? memberName;
}
