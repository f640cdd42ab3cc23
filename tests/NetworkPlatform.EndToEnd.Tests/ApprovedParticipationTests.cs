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
}
