using Grpc.Core;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.V1;
using UseCases = NetworkPlatform.Membership.Features.Representatives;

namespace NetworkPlatform.Membership.Api;

public sealed class RepresentativeApi(MembershipContext membership) : RepresentativeService.RepresentativeServiceBase
{
    public override Task<Representative> GetRepresentative(GetRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.GetRepresentative.HandleAsync(membership, caller, request, ct), Map);

    public override Task<ListRepresentativesResponse> ListRepresentatives(ListRepresentativesRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListRepresentatives.HandleAsync(membership, caller, request, ct), (page, _) =>
        {
            var response = new ListRepresentativesResponse { NextPageToken = page.NextPageToken ?? "" };
            response.Representatives.AddRange(page.Items.Select(v => ProtoMapping.ToProto(v.Appointment, v.PersonFullName)));
            return response;
        });

    public override Task<Representative> AppointRepresentative(AppointRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.AppointRepresentative.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Representative> UpdateRepresentative(UpdateRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.UpdateRepresentative.HandleAsync(membership, caller, request, ct), Map);

    public override Task<Representative> WithdrawRepresentative(WithdrawRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.WithdrawRepresentative.HandleAsync(membership, caller, request, ct), Map);

    public override Task<ReplaceRepresentativeResponse> ReplaceRepresentative(ReplaceRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ReplaceRepresentative.HandleAsync(membership, caller, request, ct),
            (r, caller) => new ReplaceRepresentativeResponse { Ended = Map(r.Ended, caller), Appointed = Map(r.Appointed, caller) });

    public override Task<CheckRepresentativeResponse> CheckRepresentative(CheckRepresentativeRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.CheckRepresentative.HandleAsync(membership, caller, request, ct), (r, _) => r);

    private static Representative Map(RepresentativeView view, Application.Caller caller) => ProtoMapping.ToProto(view.Appointment, view.PersonFullName);
}
