using Grpc.Core;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Storage;
using UseCases = NetworkPlatform.Membership.Features.Organisations;

namespace NetworkPlatform.Membership.Api;

public sealed class OrganisationApi(MembershipContext membership) : OrganisationService.OrganisationServiceBase
{
    public override Task<Organisation> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.GetOrganisation.HandleAsync(membership, caller, request, ct), Map);

    public override Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListOrganisations.HandleAsync(membership, caller, request, ct), (page, _) =>
        {
            var response = new ListOrganisationsResponse { NextPageToken = page.NextPageToken ?? "" };
            response.Organisations.AddRange(page.Items.Select(ProtoMapping.ToProto));
            return response;
        });

    public override Task<Organisation> CreateOrganisation(CreateOrganisationRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.CreateOrganisation.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> UpdateOrganisation(UpdateOrganisationRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.UpdateOrganisation.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> ApplyForMembership(ApplyForMembershipRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ApplyForMembership.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> ApproveMembership(ApproveMembershipRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ApproveMembership.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> SuspendMembership(SuspendMembershipRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.SuspendMembership.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> ReinstateMembership(ReinstateMembershipRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ReinstateMembership.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Organisation> ResignMembership(ResignMembershipRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ResignMembership.HandleAsync(membership, caller, request, ct), Map);

    public override Task<ListMembershipHistoryResponse> ListMembershipHistory(ListMembershipHistoryRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListMembershipHistory.HandleAsync(membership, caller, request, ct), (r, _) => r);

    private static Organisation Map(Versioned<Domain.Organisation> organisation, Application.Caller caller) => ProtoMapping.ToProto(organisation);
}
