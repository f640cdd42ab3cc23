using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.Organisations;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>Member organisations and their membership lifecycle.</summary>
public sealed class OrganisationApi(
    GetOrganisation getOrganisation,
    ListOrganisations listOrganisations,
    CreateOrganisation createOrganisation,
    UpdateOrganisation updateOrganisation,
    ApplyForMembership applyForMembership,
    ApproveMembership approveMembership,
    SuspendMembership suspendMembership,
    ReinstateMembership reinstateMembership,
    ResignMembership resignMembership,
    ListMembershipHistory listMembershipHistory) : OrganisationService.OrganisationServiceBase
{
    public override Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
        context.RunAsync(getOrganisation, OrganisationMapping.ToQuery(request), OrganisationMapping.ToProto);

    public override Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context) =>
        context.RunAsync(listOrganisations, OrganisationMapping.ToQuery(request), page =>
        {
            var response = OrganisationMapping.ToProto(page);
            ReadMasks.Apply(response.Organisations, request.ReadMask);
            return response;
        });

    public override Task<Organisation> CreateOrganisation(CreateOrganisationRequest request, ServerCallContext context) =>
        context.RunAsync(createOrganisation, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> UpdateOrganisation(UpdateOrganisationRequest request, ServerCallContext context) =>
        context.RunAsync(updateOrganisation, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> ApplyForMembership(ApplyForMembershipRequest request, ServerCallContext context) =>
        context.RunAsync(applyForMembership, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> ApproveMembership(ApproveMembershipRequest request, ServerCallContext context) =>
        context.RunAsync(approveMembership, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> SuspendMembership(SuspendMembershipRequest request, ServerCallContext context) =>
        context.RunAsync(suspendMembership, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> ReinstateMembership(ReinstateMembershipRequest request, ServerCallContext context) =>
        context.RunAsync(reinstateMembership, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<Organisation> ResignMembership(ResignMembershipRequest request, ServerCallContext context) =>
        context.RunAsync(resignMembership, OrganisationMapping.ToCommand(request), OrganisationMapping.ToProto);

    public override Task<ListMembershipHistoryResponse> ListMembershipHistory(ListMembershipHistoryRequest request,
        ServerCallContext context) =>
        context.RunAsync(listMembershipHistory, OrganisationMapping.ToQuery(request), OrganisationMapping.ToProto);
}
