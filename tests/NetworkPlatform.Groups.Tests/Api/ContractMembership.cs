using Grpc.Core;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Groups.Tests.Api;

/// <summary>
/// The membership service's gRPC contract (networkplatform.membership.v1) answering from a table, served by Grpc.AspNetCore
/// so the groups service's client goes over HTTP/2. Records the authorization header and deadline each check carried.
/// </summary>
internal sealed class ContractMembership
{
    public Dictionary<string, (string OrganisationId, string Name, string Email)> Representatives { get; } = new(StringComparer.Ordinal);

    /// <summary>Persons known to membership but not representatives of an active member, with membership's reason.</summary>
    public Dictionary<string, (string Reason, MembershipState State)> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>The networks that exist (the groups service asks before it handles a request of one).</summary>
    public HashSet<string> Networks { get; } = new(StringComparer.Ordinal);

    public List<string?> ForwardedAuthorization { get; } = [];

    /// <summary>The deadline each check arrived with (DateTime.MaxValue: none).</summary>
    public List<DateTime> Deadlines { get; } = [];

    /// <summary>Checks of these persons answer UNAVAILABLE this many more times before answering, as a replica going away would.</summary>
    public Dictionary<string, int> UnavailableFor { get; } = new(StringComparer.Ordinal);

    public IEnumerable<ServerServiceDefinition> Bind() =>
    [
        RepresentativeService.BindService(new RepresentativeChecks(this)),
        PersonService.BindService(new Persons(this)),
        OrganisationService.BindService(new Organisations()),
        NetworkService.BindService(new KnownNetworks(this)),
    ];

    private sealed class KnownNetworks(ContractMembership table) : NetworkService.NetworkServiceBase
    {
        public override Task<Network> GetNetwork(GetNetworkRequest request, ServerCallContext context) =>
            table.Networks.Contains(request.NetworkId)
                ? Task.FromResult(new Network { Id = request.NetworkId, DisplayName = request.NetworkId })
                : throw new RpcException(new Status(StatusCode.NotFound, $"networks/{request.NetworkId} does not exist"));
    }

    private sealed class RepresentativeChecks(ContractMembership table) : RepresentativeService.RepresentativeServiceBase
    {
        public override Task<CheckRepresentativeResponse> CheckRepresentative(CheckRepresentativeRequest request, ServerCallContext context)
        {
            table.ForwardedAuthorization.Add(context.RequestHeaders.GetValue("authorization"));
            table.Deadlines.Add(context.Deadline);
            if (table.UnavailableFor.TryGetValue(request.PersonId, out var failures) && failures > 0)
            {
                table.UnavailableFor[request.PersonId] = failures - 1;
                throw new RpcException(new Status(StatusCode.Unavailable, "going away"));
            }
            if (table.Representatives.TryGetValue(request.PersonId, out var person))
            {
                return Task.FromResult(new CheckRepresentativeResponse
                {
                    ActiveRepresentative = true,
                    MembershipState = MembershipState.Active,
                    Appointments = { new Representative { Id = $"rep-{request.PersonId}", NetworkId = request.NetworkId,
                        OrganisationId = person.OrganisationId, PersonId = request.PersonId, Active = true,
                            PersonFullName = person.Name } },
                });
            }
            return Task.FromResult(table.Refused.TryGetValue(request.PersonId, out var refusal)
                ? new CheckRepresentativeResponse { Reason = refusal.Reason, MembershipState = refusal.State }
                : new CheckRepresentativeResponse { Reason = "PERSON_NOT_FOUND" });
        }
    }

    private sealed class Persons(ContractMembership table) : PersonService.PersonServiceBase
    {
        public override Task<Person> GetPerson(GetPersonRequest request, ServerCallContext context)
        {
            var person = table.Representatives[request.PersonId];
            return Task.FromResult(new Person { Id = request.PersonId, NetworkId = request.NetworkId, FullName = person.Name,
                Email = person.Email, Phone = "+47 911 22 333", EmployerOrganisationId = person.OrganisationId });
        }
    }

    private sealed class Organisations : OrganisationService.OrganisationServiceBase
    {
        public override Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
            Task.FromResult(new Organisation { Id = request.OrganisationId, NetworkId = request.NetworkId,
                DisplayName = $"Organisasjon {request.OrganisationId}", MembershipState = MembershipState.Active });
    }
}
