using Grpc.Core;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>networkplatform.groups.v1.ActionPlanService: measures, milestones, the measure policy and annual wheels.</summary>
public sealed class ActionPlanApi(GroupsContext context) : ActionPlanService.ActionPlanServiceBase
{
    private readonly GetMeasure getMeasure = new(context.Store);
    private readonly ListMeasures listMeasures = new(context.Store);
    private readonly CreateMeasure createMeasure = new(context.Store, context.Clock);
    private readonly UpdateMeasure updateMeasure = new(context.Store, context.Clock);
    private readonly AssignMeasure assignMeasure = new(context.Store, context.Clock);
    private readonly ReachMilestone reachMilestone = new(context.Store, context.Clock);
    private readonly GetMeasurePolicy getPolicy = new(context.Store);
    private readonly SetMeasurePolicy setPolicy = new(context.Store);
    private readonly GetMeasurePolicyReport policyReport = new(context.Store, context.Clock);
    private readonly GetAnnualWheel getWheel = new(context.Store, context.Clock);
    private readonly UpdateAnnualWheel updateWheel = new(context.Store, context.Clock);

    public override Task<Measure> GetMeasure(GetMeasureRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => getMeasure.HandleAsync(request, caller, ct), (m, _) => ActionPlanView.ToProto(m));

    public override Task<ListMeasuresResponse> ListMeasures(ListMeasuresRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => listMeasures.HandleAsync(request, caller, ct), (page, _) => new ListMeasuresResponse
        {
            Measures = { page.Items.Select(ActionPlanView.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        });

    public override Task<Measure> CreateMeasure(CreateMeasureRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => createMeasure.HandleAsync(request, caller, ct), (m, _) => ActionPlanView.ToProto(m));

    public override Task<Measure> UpdateMeasure(UpdateMeasureRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => updateMeasure.HandleAsync(request, caller, ct), (m, _) => ActionPlanView.ToProto(m));

    public override Task<Measure> AssignMeasure(AssignMeasureRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => assignMeasure.HandleAsync(request, caller, ct), (m, _) => ActionPlanView.ToProto(m));

    public override Task<Measure> ReachMilestone(ReachMilestoneRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => reachMilestone.HandleAsync(request, caller, ct), (m, _) => ActionPlanView.ToProto(m));

    public override Task<MeasurePolicy> GetMeasurePolicy(GetMeasurePolicyRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => getPolicy.HandleAsync(request, caller, ct), (p, _) => ActionPlanView.ToProto(p));

    public override Task<MeasurePolicy> SetMeasurePolicy(SetMeasurePolicyRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => setPolicy.HandleAsync(request, caller, ct), (p, _) => ActionPlanView.ToProto(p));

    public override Task<MeasurePolicyReport> GetMeasurePolicyReport(GetMeasurePolicyReportRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => policyReport.HandleAsync(request, caller, ct), (r, _) => ActionPlanView.ToProto(r));

    public override Task<AnnualWheel> GetAnnualWheel(GetAnnualWheelRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => getWheel.HandleAsync(request, caller, ct), (w, _) => ActionPlanView.ToProto(w));

    public override Task<AnnualWheel> UpdateAnnualWheel(UpdateAnnualWheelRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => updateWheel.HandleAsync(request, caller, ct), (w, _) => ActionPlanView.ToProto(w));
}
