using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.V1;
using Networks = NetworkPlatform.Membership.Features.Networks;
using Organisations = NetworkPlatform.Membership.Features.Organisations;
using Persons = NetworkPlatform.Membership.Features.Persons;
using Representatives = NetworkPlatform.Membership.Features.Representatives;
using static NetworkPlatform.Membership.Api.NetworkMapping;
using static NetworkPlatform.Membership.Api.OrganisationMapping;
using static NetworkPlatform.Membership.Api.RepresentativeMapping;

namespace NetworkPlatform.Membership.Tests.Features;

/// <summary>Builds the state a test needs through the real use cases.</summary>
public sealed class Scenario(MembershipContext context, string networkId = "partnerskap")
{
    public string NetworkId { get; } = networkId;

    public Caller Secretariat => new("secretariat-1", NetworkId, null, null, new HashSet<string> { Roles.Secretariat });

    public static Caller Operator(string networkId) => new("operator-1", networkId, null, null, new HashSet<string> { Roles.Operator });

    public Caller RepresentativeOf(string organisationId, string? personId = null) =>
        new($"rep-of-{organisationId}", NetworkId, organisationId, personId, new HashSet<string> { Roles.Representative });

    public async Task<Scenario> WithNetworkAsync(NetworkKind kind = NetworkKind.Partnership)
    {
        var network = new Network { Id = NetworkId, DisplayName = $"Network {NetworkId}", Kind = kind, Country = "NO",
            TimeZone = "Europe/Oslo" };
        await new Networks.CreateNetwork(context).RunAsync(ToCommand(new CreateNetworkRequest { Network = network }), Operator(NetworkId),
            default);
        return this;
    }

    public async Task<Organisation> RegisterAsync(string name = "Fjordvik kommune", string number = "952601814")
    {
        var created = await new Organisations.CreateOrganisation(context).RunAsync(ToCommand(new CreateOrganisationRequest
        {
            NetworkId = NetworkId,
            Organisation = new Organisation { DisplayName = name, OrganisationNumber = number, Kind = OrganisationKind.Municipality },
        }), Secretariat, default);
        return ToProto(created);
    }

    public async Task<string> ActiveMemberAsync(string name = "Fjordvik kommune")
    {
        var organisation = await RegisterAsync(name);
        await new Organisations.ApplyForMembership(context).RunAsync(ToCommand(new ApplyForMembershipRequest { NetworkId = NetworkId,
            OrganisationId = organisation.Id }), Secretariat, default);
        await new Organisations.ApproveMembership(context).RunAsync(ToCommand(new ApproveMembershipRequest { NetworkId = NetworkId,
            OrganisationId = organisation.Id }), Secretariat, default);
        return organisation.Id;
    }

    public async Task<string> PersonAsync(string organisationId, string name = "Ingrid Haugen", string email = "ingrid@example.no")
    {
        var person = await new Persons.CreatePerson(context).RunAsync(
            new Persons.CreatePersonCommand(NetworkId, "", organisationId,
                new Membership.Domain.PersonDetails(name, email, "+47 911 22 333", [])), Secretariat, default);
        return person.Document.Id;
    }

    public static AppointRepresentativeRequest Appointment(string networkId, string organisationId, string personId,
        RepresentativeRole role = RepresentativeRole.Representative) => new()
    {
        NetworkId = networkId,
        Representative = new Representative
        {
            OrganisationId = organisationId,
            PersonId = personId,
            Role = role,
            HoursPerMonth = 8,
            ApprovingManager = new ApprovingManager { FullName = "Per Solberg", Title = "Kommunalsjef" },
        },
    };

    public async Task<string> AppointAsync(string organisationId, string personId,
        RepresentativeRole role = RepresentativeRole.Representative)
    {
        var view = await new Representatives.AppointRepresentative(context).RunAsync(ToCommand(Appointment(NetworkId, organisationId,
            personId, role)), Secretariat, default);
        return view.Appointment.Document.Id;
    }
}
