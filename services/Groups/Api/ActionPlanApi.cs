using Grpc.Core;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting.Api;

namespace NetworkPlatform.Groups.Api;

/// <summary>networkplatform.groups.v1.ActionPlanService: measures, milestones, the measure policy and annual wheels.</summary>
public sealed class ActionPlanApi(
    GetMeasure getMeasure, ListMeasures listMeasures, CreateMeasure createMeasure, UpdateMeasure updateMeasure,
    AssignMeasure assignMeasure, ReachMilestone reachMilestone, GetMeasurePolicy getMeasurePolicy, SetMeasurePolicy setMeasurePolicy,
    GetMeasurePolicyReport getMeasurePolicyReport, GetAnnualWheel getAnnualWheel, UpdateAnnualWheel updateAnnualWheel)
    : ActionPlanService.ActionPlanServiceBase
{
    public override Task<Measure> GetMeasure(GetMeasureRequest request, ServerCallContext context) =>
        context.RunAsync(getMeasure, ActionPlanMapping.ToQuery(request), ActionPlanMapping.ToProto);

    public override Task<ListMeasuresResponse> ListMeasures(ListMeasuresRequest request, ServerCallContext context) =>
        context.RunAsync(listMeasures, ActionPlanMapping.ToQuery(request), ActionPlanMapping.ToProto);

    public override Task<Measure> CreateMeasure(CreateMeasureRequest request, ServerCallContext context) =>
        context.RunAsync(createMeasure, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);

    public override Task<Measure> UpdateMeasure(UpdateMeasureRequest request, ServerCallContext context) =>
        context.RunAsync(updateMeasure, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);

    public override Task<Measure> AssignMeasure(AssignMeasureRequest request, ServerCallContext context) =>
        context.RunAsync(assignMeasure, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);

    public override Task<Measure> ReachMilestone(ReachMilestoneRequest request, ServerCallContext context) =>
        context.RunAsync(reachMilestone, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);

    public override Task<MeasurePolicy> GetMeasurePolicy(GetMeasurePolicyRequest request, ServerCallContext context) =>
        context.RunAsync(getMeasurePolicy, ActionPlanMapping.ToQuery(request), ActionPlanMapping.ToProto);

    public override Task<MeasurePolicy> SetMeasurePolicy(SetMeasurePolicyRequest request, ServerCallContext context) =>
        context.RunAsync(setMeasurePolicy, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);

    public override Task<MeasurePolicyReport> GetMeasurePolicyReport(GetMeasurePolicyReportRequest request, ServerCallContext context) =>
        context.RunAsync(getMeasurePolicyReport, ActionPlanMapping.ToQuery(request), ActionPlanMapping.ToProto);

    public override Task<AnnualWheel> GetAnnualWheel(GetAnnualWheelRequest request, ServerCallContext context) =>
        context.RunAsync(getAnnualWheel, ActionPlanMapping.ToQuery(request), ActionPlanMapping.ToProto);

    public override Task<AnnualWheel> UpdateAnnualWheel(UpdateAnnualWheelRequest request, ServerCallContext context) =>
        context.RunAsync(updateAnnualWheel, ActionPlanMapping.ToCommand(request), ActionPlanMapping.ToProto);
}
