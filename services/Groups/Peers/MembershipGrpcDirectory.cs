using NetworkPlatform.Application.Failures;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Groups.Peers;

/// <summary>
/// The membership service over gRPC (RepresentativeService.CheckRepresentative, then PersonService and
/// OrganisationService for names and contact details). The call runs on behalf of the caller: their bearer token is
/// forwarded, so membership's own rules decide which personal data comes back; their deadline and cancellation flow on.
/// </summary>
public sealed class MembershipGrpcDirectory(
    RepresentativeService.RepresentativeServiceClient representatives,
    PersonService.PersonServiceClient persons,
    OrganisationService.OrganisationServiceClient organisations,
    IHttpContextAccessor httpContext,
    ServiceIdentity? identity = null) : IMembershipDirectory
{

    public async Task<RepresentativeCheck> CheckRepresentativeAsync(string networkId, string personId, CancellationToken cancellationToken)
    {
        var options = PeerClients.OnBehalfOf(httpContext, identity, networkId, cancellationToken);
        var check = await representatives.CheckRepresentativeAsync(new CheckRepresentativeRequest { NetworkId = networkId,
            PersonId = personId }, options);
        if (check.Reason == "PERSON_NOT_FOUND")
        {
            throw new NotFoundException("networkplatform.membership.v1.Person", $"networks/{networkId}/persons/{personId}");
        }
        if (!check.ActiveRepresentative)
        {
            return new RepresentativeCheck(new PersonIdentity(personId, "", false, personId, "", "", ""), Explain(check));
        }
        var appointment = check.Appointments[0];
        var person = await persons.GetPersonAsync(new GetPersonRequest { NetworkId = networkId, PersonId = personId }, options);
        var organisation = await organisations.GetOrganisationAsync(new GetOrganisationRequest { NetworkId = networkId,
            OrganisationId = appointment.OrganisationId }, options);
        return new RepresentativeCheck(
            new PersonIdentity(personId, appointment.OrganisationId, true, person.FullName, organisation.DisplayName, person.Email,
                person.Phone),
            null);
    }

    private static string Explain(CheckRepresentativeResponse check) => check.Reason switch
    {
        "NO_ACTIVE_APPOINTMENT" => "they hold no current appointment as representative (it was never made, or it was withdrawn)",
        "MEMBERSHIP_NOT_ACTIVE" => $"their organisation's membership is {check.MembershipState.ToString().ToLowerInvariant()}, not active",
        var other => $"the membership service answered {other}",
    };
}
