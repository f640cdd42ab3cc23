using Microsoft.AspNetCore.Http;
using Grpc.Core;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Peers;

/// <summary>
/// Asks the groups service (Services:Groups). The caller's bearer token travels along, so the groups service answers
/// with the contact details this caller may see, and the caller's deadline and cancellation flow on; outside a call the fixed
/// authorization (seeding) or the service's own identity is used.
/// </summary>
public sealed class GrpcGroupDirectory(GroupsService.GroupsServiceClient client, ActionPlanService.ActionPlanServiceClient actionPlan,
    IHttpContextAccessor? httpContext, string? fixedAuthorization = null, ServiceIdentity? identity = null) : IGroupDirectory
{
    public async Task<GroupInfo> GetGroupAsync(string networkId, string groupId, CancellationToken cancellationToken)
    {
        var group = await client.GetGroupAsync(new GetGroupRequest { NetworkId = networkId, GroupId = groupId }, Options(networkId,
            cancellationToken));
        return ToInfo(group);
    }

    public async Task<IReadOnlyList<GroupInfo>> ListGroupsAsync(string networkId, CancellationToken cancellationToken)
    {
        var groups = new List<GroupInfo>();
        var token = "";
        do
        {
            var page = await client.ListGroupsAsync(new ListGroupsRequest { NetworkId = networkId, PageSize = 200, PageToken = token },
                Options(networkId, cancellationToken));
            groups.AddRange(page.Groups.Select(ToInfo));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return groups;
    }

    /// <summary>Asks for the measures at once (an agenda item names at most a few).</summary>
    public async Task EnsureMeasuresExistAsync(string networkId, IReadOnlyCollection<string> measureIds,
        CancellationToken cancellationToken)
    {
        var options = Options(networkId, cancellationToken);
        await Task.WhenAll(measureIds.Select(async id =>
        {
            try
            {
                await actionPlan.GetMeasureAsync(new GetMeasureRequest { NetworkId = networkId, MeasureId = id }, options);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                throw new NotFoundException("networkplatform.groups.v1.Measure", $"networks/{networkId}/measures/{id}");
            }
        }));
    }

    private CallOptions Options(string networkId, CancellationToken cancellationToken) => fixedAuthorization is null
        ? PeerClients.OnBehalfOf(httpContext, identity, networkId, cancellationToken)
        : new CallOptions(new Metadata { { "authorization", fixedAuthorization } }, cancellationToken: cancellationToken);

    private static GroupInfo ToInfo(Group group) => new(
        group.GroupId,
        group.DisplayName,
        group.Kind.ToString(),
        group.State == GroupState.Active,
        group.ContactEmail,
        group.Participants
            .Select(p => new GroupParticipant(p.PersonId, p.DisplayName, p.Email, MainRole(p.Roles), p.OrganisationId))
            .ToList());

    private static string MainRole(IEnumerable<Role> roles) =>
        roles.DefaultIfEmpty(Role.Member).Min() switch
        {
            Role.Leader => "leader",
            Role.Deputy => "deputy",
            Role.BudgetResponsible => "budget_responsible",
            Role.Secretary => "secretary",
            Role.InvitedExpert => "invited_expert",
            Role.StateActor => "state_actor",
            Role.Observer => "observer",
            _ => "member",
        };
}
