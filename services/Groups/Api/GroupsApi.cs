using Grpc.Core;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Features.PersonalData;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting.Api;

namespace NetworkPlatform.Groups.Api;

/// <summary>networkplatform.groups.v1.GroupsService: each method runs one use case from Features/.</summary>
public sealed class GroupsApi(
    GetGroup getGroup, ListGroups listGroups, CreateGroup createGroup, UpdateGroup updateGroup, ProposeGroup proposeGroup,
    ApproveMandate approveMandate, ReviseMandate reviseMandate, ActivateGroup activateGroup, ConcludeGroup concludeGroup,
    DissolveGroup dissolveGroup, AssignRole assignRole, VacateRole vacateRole, JoinGroup joinGroup,
    ApproveJoinRequest approveJoinRequest, LeaveGroup leaveGroup, GetSecretariatOverview getSecretariatOverview,
    GetOrganisationParticipation getOrganisationParticipation, ExportPersonalData exportPersonalData) : GroupsService.GroupsServiceBase
{
    public override Task<Group> GetGroup(GetGroupRequest request, ServerCallContext context) =>
        context.RunAsync(getGroup, GroupsMapping.ToQuery(request), GroupsMapping.ToProto);

    public override Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context) =>
        context.RunAsync(listGroups, GroupsMapping.ToQuery(request), (page, caller) =>
        {
            var response = GroupsMapping.ToProto(page, caller);
            ReadMasks.Apply(response.Groups, request.ReadMask);
            return response;
        });

    public override Task<Group> CreateGroup(CreateGroupRequest request, ServerCallContext context) =>
        context.RunAsync(createGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> UpdateGroup(UpdateGroupRequest request, ServerCallContext context) =>
        context.RunAsync(updateGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ProposeGroup(ProposeGroupRequest request, ServerCallContext context) =>
        context.RunAsync(proposeGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ApproveMandate(ApproveMandateRequest request, ServerCallContext context) =>
        context.RunAsync(approveMandate, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ReviseMandate(ReviseMandateRequest request, ServerCallContext context) =>
        context.RunAsync(reviseMandate, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ActivateGroup(ActivateGroupRequest request, ServerCallContext context) =>
        context.RunAsync(activateGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ConcludeGroup(ConcludeGroupRequest request, ServerCallContext context) =>
        context.RunAsync(concludeGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> DissolveGroup(DissolveGroupRequest request, ServerCallContext context) =>
        context.RunAsync(dissolveGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> AssignRole(AssignRoleRequest request, ServerCallContext context) =>
        context.RunAsync(assignRole, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> VacateRole(VacateRoleRequest request, ServerCallContext context) =>
        context.RunAsync(vacateRole, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<JoinGroupResponse> JoinGroup(JoinGroupRequest request, ServerCallContext context) =>
        context.RunAsync(joinGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> ApproveJoinRequest(ApproveJoinRequestRequest request, ServerCallContext context) =>
        context.RunAsync(approveJoinRequest, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<Group> LeaveGroup(LeaveGroupRequest request, ServerCallContext context) =>
        context.RunAsync(leaveGroup, GroupsMapping.ToCommand(request), GroupsMapping.ToProto);

    public override Task<SecretariatOverview> GetSecretariatOverview(GetSecretariatOverviewRequest request, ServerCallContext context) =>
        context.RunAsync(getSecretariatOverview, GroupsMapping.ToQuery(request), GroupsMapping.ToProto);

    public override Task<OrganisationParticipation> GetOrganisationParticipation(GetOrganisationParticipationRequest request,
        ServerCallContext context) =>
        context.RunAsync(getOrganisationParticipation, GroupsMapping.ToQuery(request), GroupsMapping.ToProto(request.OrganisationId));

    public override Task<Privacy.V1.PersonalDataSection> ExportPersonalData(Privacy.V1.ExportPersonalDataRequest request,
        ServerCallContext context) =>
        context.RunAsync(exportPersonalData, PersonalDataMapping.ToQuery(request), PersonalDataMapping.ToProto);
}
