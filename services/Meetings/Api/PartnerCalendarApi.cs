using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.PartnerCalendarService: each call is its use case on the pipeline.</summary>
public sealed class PartnerCalendarApi(
    ListCalendarEntries listCalendarEntries, GetCalendarFeed getCalendarFeed, CreateDeadline createDeadline, DeleteDeadline deleteDeadline,
    GetCadenceCompliance getCadenceCompliance, CheckCadence checkCadence) : Proto.PartnerCalendarService.PartnerCalendarServiceBase
{
    public override Task<Proto.ListCalendarEntriesResponse> ListCalendarEntries(Proto.ListCalendarEntriesRequest request,
        ServerCallContext context) =>
        context.RunAsync(listCalendarEntries, CalendarMapping.ToQuery(request), CalendarMapping.ToProto);

    public override Task<Proto.CalendarFeed> GetCalendarFeed(Proto.GetCalendarFeedRequest request, ServerCallContext context) =>
        context.RunAsync(getCalendarFeed, CalendarMapping.ToQuery(request), CalendarMapping.ToProto);

    public override Task<Proto.Deadline> CreateDeadline(Proto.CreateDeadlineRequest request, ServerCallContext context) =>
        context.RunAsync(createDeadline, CalendarMapping.ToCommand(request), CalendarMapping.ToProto);

    public override Task<Proto.DeleteDeadlineResponse> DeleteDeadline(Proto.DeleteDeadlineRequest request, ServerCallContext context) =>
        context.RunAsync(deleteDeadline, CalendarMapping.ToCommand(request), CalendarMapping.Deleted);

    public override Task<Proto.CadenceCompliance> GetCadenceCompliance(Proto.GetCadenceComplianceRequest request,
        ServerCallContext context) =>
        context.RunAsync(getCadenceCompliance, CalendarMapping.ToQuery(request), CalendarMapping.ToProto);

    public override Task<Proto.CadenceCompliance> CheckCadence(Proto.CheckCadenceRequest request, ServerCallContext context) =>
        context.RunAsync(checkCadence, CalendarMapping.ToCommand(request), CalendarMapping.ToProto);
}
