using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <param name="OrganisationId">The organisation to check for; empty for the person's employer.</param>
public sealed record CheckRepresentativeQuery(string NetworkId, string PersonId, string OrganisationId) : INetworkRequest;

/// <summary>
/// The answer: <paramref name="Reason"/> says why not (empty when active), <paramref name="MembershipState"/> is the
/// organisation's (null when it does not exist), <paramref name="Appointments"/> are the person's active ones when active.
/// </summary>
public sealed record RepresentativeCheck(bool ActiveRepresentative, string Reason, MembershipState? MembershipState,
    IReadOnlyList<RepresentativeView> Appointments);

/// <summary>
/// For the groups service at the moment a person joins a group: does the person hold an active appointment for an
/// organisation whose membership is active right now? Any caller of the network may ask. A person of an active member
/// network (<see cref="MemberNetworks"/>) is checked in their own network, where their organisation is a member.
/// </summary>
public sealed class CheckRepresentative(MembershipContext context) : IUseCase<CheckRepresentativeQuery, RepresentativeCheck>
{
    public const string PersonNotFound = "PERSON_NOT_FOUND";
    public const string NoActiveAppointment = "NO_ACTIVE_APPOINTMENT";
    public const string MembershipNotActive = "MEMBERSHIP_NOT_ACTIVE";

    public void Authorize(CheckRepresentativeQuery query, Caller caller)
    {
    }

    public void Validate(CheckRepresentativeQuery query, Violations violations) => violations
        .Id("person_id", query.PersonId)
        .OptionalId("organisation_id", query.OrganisationId);

    public Task<RepresentativeCheck> HandleAsync(CheckRepresentativeQuery query, Caller caller, CancellationToken cancellationToken) =>
        CheckAsync(context, query, cancellationToken);

    /// <summary>The check itself, for use cases that need it after their own authorization.</summary>
    internal static async Task<RepresentativeCheck> CheckAsync(MembershipContext context, CheckRepresentativeQuery query,
        CancellationToken cancellationToken)
    {
        var person = await context.Store.GetAsync(MembershipCollections.Persons, query.NetworkId, query.PersonId, cancellationToken);
        if (person is null)
        {
            return await CheckInMemberNetworksAsync(context, query, cancellationToken);
        }
        var organisationId = query.OrganisationId.Length > 0 ? query.OrganisationId : person.Document.EmployerOrganisationId;
        var organisation = await context.Store.GetAsync(MembershipCollections.Organisations, query.NetworkId, organisationId,
            cancellationToken);
        var state = organisation?.Document.Membership.State;
        var appointments = await context.Store.QueryAsync(MembershipCollections.Appointments, query.NetworkId,
            MembershipCollections.Appointments.Query().Where(a => a.PersonId, query.PersonId).Where(a => a.OrganisationId, organisationId)
                .Where(a => a.EndAt, null).Page(Paging.MaxPageSize), cancellationToken);
        if (appointments.Items.Count == 0)
        {
            return new RepresentativeCheck(false, NoActiveAppointment, state, []);
        }
        if (state != Domain.MembershipState.Active)
        {
            return new RepresentativeCheck(false, MembershipNotActive, state, []);
        }
        return new RepresentativeCheck(true, "", state,
            [.. appointments.Items.Select(a => new RepresentativeView(a, person.Document.FullName))]);
    }

    /// <summary>The person checked in the first active member network that knows them; PERSON_NOT_FOUND when none does.</summary>
    private static async Task<RepresentativeCheck> CheckInMemberNetworksAsync(MembershipContext context, CheckRepresentativeQuery query,
        CancellationToken cancellationToken)
    {
        foreach (var relation in await MemberNetworks.ActiveAsync(context.Store, query.NetworkId, cancellationToken))
        {
            if (await context.Store.GetAsync(MembershipCollections.Persons, relation.ChildNetworkId, query.PersonId,
                cancellationToken) is not null)
            {
                // Their organisation in this network is the member network itself; in their own network, their employer.
                var organisationId = query.OrganisationId == relation.OrganisationId ? "" : query.OrganisationId;
                return await CheckAsync(context, query with { NetworkId = relation.ChildNetworkId, OrganisationId = organisationId },
                    cancellationToken);
            }
        }
        return new RepresentativeCheck(false, PersonNotFound, null, []);
    }
}
