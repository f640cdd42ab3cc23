using NetworkPlatform.Application;
using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Distributed;

/// <summary>
/// Many callers at once, each calling again as soon as it has its answer: half list a network's meetings, half create a
/// person in it. Counts the answers by status and ErrorInfo reason ("OK", "Unavailable DATABASE_POOL_EXHAUSTED", ...).
/// Its channels do not retry (Grpc.Net.Client without a retry policy), so every answer counts as the service gave it.
/// <paramref name="callerOf"/> gives a caller of a network with a role (network, role) as call metadata.
/// </summary>
public sealed class BurstLoad(string membershipAddress, string meetingsAddress, Func<string, string, Task<Metadata>> callerOf)
{
    public async Task<IReadOnlyDictionary<string, int>> RunAsync(int callers, TimeSpan duration)
    {
        using var membership = GrpcChannel.ForAddress(membershipAddress);
        using var meetings = GrpcChannel.ForAddress(meetingsAddress);
        var network = "burst-" + Guid.NewGuid().ToString("N")[..10];
        var secretariat = await callerOf(network, Roles.Secretariat);
        var networkOperator = await callerOf(network, Roles.Operator);
        using (var created = new NetworkService.NetworkServiceClient(membership).CreateNetworkAsync(new CreateNetworkRequest
        {
            Network = new Network { Id = network, DisplayName = "Burst", Kind = NetworkKind.Partnership, Country = "NO",
                TimeZone = "Europe/Oslo", Languages = { "nb" } },
        }, networkOperator, DateTime.UtcNow.AddSeconds(30)))
        {
            await created.ResponseAsync;
        }
        var organisations = new OrganisationService.OrganisationServiceClient(membership);
        using var organisation = organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = network,
                Organisation = new Organisation { DisplayName = "Fjordvik kommune", OrganisationNumber = "952601814",
                    Kind = OrganisationKind.Municipality },
        }, secretariat, DateTime.UtcNow.AddSeconds(30));
        var employer = (await organisation.ResponseAsync).Id;

        var outcomes = new ConcurrentDictionary<string, int>();
        var persons = new PersonService.PersonServiceClient(membership);
        var meetingList = new MeetingsService.MeetingsServiceClient(meetings);
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                var outcome = caller % 2 == 0
                    ? await OutcomeAsync(() =>
                        meetingList.ListMeetingsAsync(new ListMeetingsRequest { NetworkId = network }, secretariat,
                            DateTime.UtcNow.AddSeconds(30)))
                    : await OutcomeAsync(() => persons.CreatePersonAsync(new CreatePersonRequest
                    {
                        NetworkId = network,
                        Person = new Person { FullName = $"Person {caller}-{i}", Email = "person@kommune.example",
                            EmployerOrganisationId = employer },
                    }, secretariat, DateTime.UtcNow.AddSeconds(30)));
                outcomes.AddOrUpdate($"{(caller % 2 == 0 ? "ListMeetings" : "CreatePerson")} {outcome}", 1, (_, n) => n + 1);
            }
        })));
        return outcomes;
    }

    private static async Task<string> OutcomeAsync<T>(Func<AsyncUnaryCall<T>> start)
    {
        try
        {
            using var call = start();
            await call.ResponseAsync;
            return "OK";
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode} {e.GetDetail<Google.Rpc.ErrorInfo>()?.Reason}".Trim();
        }
    }
}
