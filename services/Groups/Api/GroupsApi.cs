using Grpc.Core;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>networkplatform.groups.v1.GroupsService: each method runs one use case from Features/.</summary>
public sealed class GroupsApi(GroupsContext context) : GroupsService.GroupsServiceBase
{
    private readonly GetGroup getGroup = new(context.Store);
    private readonly ListGroups listGroups = new(context.Store);
    private readonly CreateGroup createGroup = new(context.Store, context.Clock);
    private readonly UpdateGroup updateGroup = new(context.Store, context.Clock);
    private readonly ProposeGroup proposeGroup = new(context.Store, context.Clock);
    private readonly ApproveMandate approveMandate = new(context.Store, context.Clock);
    private readonly ReviseMandate reviseMandate = new(context.Store, context.Clock);
    private readonly ActivateGroup activateGroup = new(context.Store, context.Clock);
    private readonly ConcludeGroup concludeGroup = new(context.Store, context.Clock);
    private readonly DissolveGroup dissolveGroup = new(context.Store, context.Clock);
    private readonly AssignRole assignRole = new(context.Store, context.Membership, context.Clock);
    private readonly VacateRole vacateRole = new(context.Store, context.Clock);
    private readonly JoinGroup joinGroup = new(context.Store, context.Membership, context.Clock);
    private readonly ApproveJoinRequest approveJoinRequest = new(context.Store, context.Membership, context.Clock);
    private readonly LeaveGroup leaveGroup = new(context.Store, context.Clock);
    private readonly GetSecretariatOverview secretariatOverview = new(context.Store, context.Clock);
    private readonly GetOrganisationParticipation organisationParticipation = new(context.Store);

    public override Task<Group> GetGroup(GetGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => getGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => listGroups.HandleAsync(request, caller, ct), (page, caller) => new ListGroupsResponse
        {
            Groups = { page.Items.Select(g => GroupView.ToProto(g, caller)) },
            NextPageToken = page.NextPageToken ?? "",
        });

    public override Task<Group> CreateGroup(CreateGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => createGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> UpdateGroup(UpdateGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => updateGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> ProposeGroup(ProposeGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => proposeGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> ApproveMandate(ApproveMandateRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => approveMandate.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> ReviseMandate(ReviseMandateRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => reviseMandate.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> ActivateGroup(ActivateGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => activateGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> ConcludeGroup(ConcludeGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => concludeGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> DissolveGroup(DissolveGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => dissolveGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> AssignRole(AssignRoleRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => assignRole.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> VacateRole(VacateRoleRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => vacateRole.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<JoinGroupResponse> JoinGroup(JoinGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => joinGroup.HandleAsync(request, caller, ct), (result, caller) => new JoinGroupResponse
        {
            Group = GroupView.ToProto(result.Group, caller),
            Joined = result.Joined,
        });

    public override Task<Group> ApproveJoinRequest(ApproveJoinRequestRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => approveJoinRequest.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<Group> LeaveGroup(LeaveGroupRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => leaveGroup.HandleAsync(request, caller, ct), GroupView.ToProto);

    public override Task<SecretariatOverview> GetSecretariatOverview(GetSecretariatOverviewRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => secretariatOverview.HandleAsync(request, caller, ct), (groups, caller) => new SecretariatOverview
        {
            Groups = { groups.Select(g => GroupView.ToOverview(g.Group, g.Measures, caller)) },
        });

    public override Task<OrganisationParticipation> GetOrganisationParticipation(GetOrganisationParticipationRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => organisationParticipation.HandleAsync(request, caller, ct), (groups, caller) => new OrganisationParticipation
        {
            OrganisationId = request.OrganisationId,
            Groups =
            {
                groups.Select(g => new GroupParticipation
                {
                    GroupId = g.Id,
                    DisplayName = g.Details.DisplayName,
                    State = g.State.ToProto(),
                    Participants = { g.Participants.Select(p => GroupView.ToProto(p, caller.MaySeeContactDetails(g, p))) },
                })
            },
        });
}
