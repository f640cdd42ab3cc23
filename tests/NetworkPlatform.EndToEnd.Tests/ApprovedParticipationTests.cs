using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20.3 across the processes (PostgreSQL + RabbitMQ): the secretariat's approval of a JOIN_GROUP participation
/// request in membership adds the person to the group in the groups service, with their organisation.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class ApprovedParticipationTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task approving_a_join_group_request_adds_the_person_to_the_group()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        await network.MandatedWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing");
        var requests = new ParticipationService.ParticipationServiceClient(platform.Membership.Channel);
        var request = await requests.RequestParticipationAsync(new RequestParticipationRequest
        {
            NetworkId = network.Id,
            RequestId = Guid.NewGuid().ToString(),
            ParticipationRequest = new ParticipationRequest
            {
                OrganisationId = ingrid.OrganisationId, PersonId = ingrid.PersonId, Kind = ParticipationKind.JoinGroup,
                GroupId = "wg-digital", Motivation = "Vi arbeider med dette i kommunen.",
            },
        }, network.Secretariat, TestNetwork.Soon);

        await requests.AnswerParticipationRequestAsync(new AnswerParticipationRequestRequest
        {
            NetworkId = network.Id, ParticipationRequestId = request.Id, Answer = ParticipationAnswer.Approved, Etag = request.Etag,
        }, network.Secretariat, TestNetwork.Soon);
        var group = await Eventually.UntilAsync(() => network.GetGroupAsync("wg-digital"),
            g => g.Participants.Any(p => p.PersonId == ingrid.PersonId), EventTimeout);

        var participant = group.Participants.SingleOrDefault(p => p.PersonId == ingrid.PersonId);
        Assert.True(participant is not null, $"The approved person did not join the group.\n{platform.Logs()}");
        Assert.Equal((ingrid.OrganisationId, "Ingrid Haugen"), (participant.OrganisationId, participant.DisplayName));
        Assert.Equal([Groups.V1.Role.Member], participant.Roles);
    }

    [Fact(Timeout = 120_000)]
    public async Task a_member_networks_representative_approved_by_the_parent_joins_its_group_without_registering_twice()
    {
        var national = new TestNetwork(platform);
        await national.CreateAsync();
        var international = new TestNetwork(platform);
        await international.CreateAsync();
        var link = await international.Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = international.Id,
            Organisation = new Organisation { DisplayName = "Norsk HPH", Kind = OrganisationKind.Network, LinkedNetworkId = national.Id },
        }, international.Secretariat, TestNetwork.Soon);
        await international.Organisations.ApplyForMembershipAsync(new ApplyForMembershipRequest { NetworkId = international.Id,
            OrganisationId = link.Id }, international.Secretariat, TestNetwork.Soon);
        await international.Organisations.ApproveMembershipAsync(new ApproveMembershipRequest { NetworkId = international.Id,
            OrganisationId = link.Id, Reason = "General assembly 2026" }, international.Secretariat, TestNetwork.Soon);
        var solveig = await national.ActiveRepresentativeAsync("Helse Vestkyst HF", "Solveig Knutsen", "solveig@vestkyst.example");
        await international.MandatedWorkingGroupAsync("tf-children", "Task force on children");
        var requests = new ParticipationService.ParticipationServiceClient(platform.Membership.Channel);

        var request = await requests.RequestParticipationAsync(new RequestParticipationRequest
        {
            NetworkId = national.Id,
            RequestId = Guid.NewGuid().ToString(),
            ParticipationRequest = new ParticipationRequest
            {
                OrganisationId = solveig.OrganisationId, PersonId = solveig.PersonId, Kind = ParticipationKind.JoinGroup,
                GroupId = "tf-children", GroupNetworkId = international.Id,
            },
        }, national.Secretariat, TestNetwork.Soon);
        var forwarded = await requests.ForwardParticipationRequestAsync(new ForwardParticipationRequestRequest
        {
            NetworkId = national.Id, ParticipationRequestId = request.Id, ToNetworkId = international.Id, Etag = request.Etag,
        }, national.Secretariat, TestNetwork.Soon);
        await requests.AnswerParticipationRequestAsync(new AnswerParticipationRequestRequest
        {
            NetworkId = international.Id, ParticipationRequestId = request.Id, Answer = ParticipationAnswer.Approved,
            Etag = forwarded.Etag,
        }, international.Secretariat, TestNetwork.Soon);
        var group = await Eventually.UntilAsync(() => international.GetGroupAsync("tf-children"),
            g => g.Participants.Any(p => p.PersonId == solveig.PersonId), EventTimeout);

        var participant = group.Participants.SingleOrDefault(p => p.PersonId == solveig.PersonId);
        Assert.True(participant is not null, $"The member network's representative did not join.\n{platform.Logs()}");
        Assert.Equal((solveig.OrganisationId, "Solveig Knutsen", "Helse Vestkyst HF"),
            (participant.OrganisationId, participant.DisplayName, participant.OrganisationName));
        var person = await international.Persons.GetPersonAsync(new GetPersonRequest { NetworkId = international.Id,
            PersonId = solveig.PersonId }, international.Secretariat, TestNetwork.Soon);
        Assert.Equal(national.Id, person.NetworkId);
    }
}
