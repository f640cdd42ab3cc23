using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>
/// For the groups service at the moment a person joins a group: does the person hold an active appointment for an
/// organisation whose membership is active right now?
/// </summary>
public static class CheckRepresentative
{
    public const string PersonNotFound = "PERSON_NOT_FOUND";
    public const string NoActiveAppointment = "NO_ACTIVE_APPOINTMENT";
    public const string MembershipNotActive = "MEMBERSHIP_NOT_ACTIVE";

    public static async Task<V1.CheckRepresentativeResponse> HandleAsync(MembershipContext context, Caller caller, V1.CheckRepresentativeRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("person_id", request.PersonId).MaxLength("organisation_id", request.OrganisationId, 100).ThrowIfInvalid();
        Authorisation.EnsureReader(caller, request.NetworkId);

        var response = new V1.CheckRepresentativeResponse();
        var person = await context.Store.GetAsync(MembershipCollections.Persons, request.NetworkId, request.PersonId, cancellationToken);
        if (person is null)
        {
            response.Reason = PersonNotFound;
            return response;
        }
        var organisationId = request.OrganisationId.Length > 0 ? request.OrganisationId : person.Document.EmployerOrganisationId;
        var organisation = await context.Store.GetAsync(MembershipCollections.Organisations, request.NetworkId, organisationId, cancellationToken);
        response.MembershipState = organisation is null ? V1.MembershipState.Unspecified : ProtoMapping.ToProto(organisation.Document.Membership.State);

        var appointments = await context.Store.QueryAsync(MembershipCollections.Appointments, request.NetworkId,
            MembershipCollections.Appointments.Query().Where(a => a.PersonId, request.PersonId).Where(a => a.OrganisationId,
                organisationId).Where(a => a.EndAt, null)
                .Page(Paging.MaxPageSize), cancellationToken);
        if (appointments.Items.Count == 0)
        {
            response.Reason = NoActiveAppointment;
            return response;
        }
        if (organisation?.Document.Membership.State != MembershipState.Active)
        {
            response.Reason = MembershipNotActive;
            return response;
        }
        response.ActiveRepresentative = true;
        response.Appointments.AddRange(appointments.Items.Select(a => ProtoMapping.ToProto(a, person.Document.FullName)));
        return response;
    }
}
