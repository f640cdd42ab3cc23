using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.PartnerCalendarService.</summary>
public sealed class PartnerCalendarGrpcService(IServiceProvider services) : Proto.PartnerCalendarService.PartnerCalendarServiceBase
{
    public override Task<Proto.ListCalendarEntriesResponse> ListCalendarEntries(Proto.ListCalendarEntriesRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
    {
        var selection = await Feature<ListCalendarEntries>().HandleAsync(request, context.GetCaller(), context.CancellationToken);
        var entries = selection.Meetings.Select(m => new Proto.CalendarEntry
        {
            Kind = Proto.CalendarEntryKind.Meeting,
            EntryId = m.Id,
            Title = m.Title,
            StartTime = Timestamp.FromDateTimeOffset(m.Start),
            EndTime = Timestamp.FromDateTimeOffset(m.End),
            TimeZone = m.TimeZone,
            GroupId = m.GroupId,
            MeetingKind = ProtoMapping.ToProto(m.Kind),
            MeetingStatus = (Proto.MeetingStatus)((int)m.Status + 1),
            Location = m.Location.Length > 0 ? m.Location : m.VideoLink,
        }).Concat(selection.Deadlines.Select(d => new Proto.CalendarEntry
        {
            Kind = Proto.CalendarEntryKind.Deadline,
            EntryId = d.Id,
            Title = d.Title,
            StartTime = Timestamp.FromDateTimeOffset(d.DueAt),
            TimeZone = d.TimeZone,
            GroupId = d.GroupId ?? "",
        })).OrderBy(e => e.StartTime.ToDateTimeOffset()).ThenBy(e => e.EntryId, StringComparer.Ordinal);
        var response = new Proto.ListCalendarEntriesResponse();
        response.Entries.AddRange(entries);
        return response;
    });

    public override Task<Proto.CalendarFeed> GetCalendarFeed(Proto.GetCalendarFeedRequest request, ServerCallContext context) => ErrorMapping.Run(() =>
        Feature<GetCalendarFeed>().HandleAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<Proto.Deadline> CreateDeadline(Proto.CreateDeadlineRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        ProtoMapping.ToProto(await Feature<CreateDeadline>().HandleAsync(request, context.GetCaller(), context.CancellationToken)));

    public override Task<Proto.DeleteDeadlineResponse> DeleteDeadline(Proto.DeleteDeadlineRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
    {
        await Feature<DeleteDeadline>().HandleAsync(request, context.GetCaller(), context.CancellationToken);
        return new Proto.DeleteDeadlineResponse();
    });

    public override Task<Proto.CadenceCompliance> GetCadenceCompliance(Proto.GetCadenceComplianceRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        ToProto(await Feature<GetCadenceCompliance>().HandleAsync(request, context.GetCaller(), context.CancellationToken)));

    public override Task<Proto.CadenceCompliance> CheckCadence(Proto.CheckCadenceRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        ToProto(await Feature<CheckCadence>().HandleAsync(request, context.GetCaller(), context.CancellationToken)));

    private TFeature Feature<TFeature>() where TFeature : notnull => services.GetRequiredService<TFeature>();

    private static Proto.CadenceCompliance ToProto(IReadOnlyList<GroupCompliance> results)
    {
        var proto = new Proto.CadenceCompliance { Year = results.FirstOrDefault()?.Report.Year ?? 0 };
        foreach (var (group, report) in results)
        {
            var groupCadence = new Proto.GroupCadence { GroupId = group.GroupId, DisplayName = group.Name, Compliant = report.Compliant };
            groupCadence.Requirements.AddRange(report.Requirements.Select(r => new Proto.CadenceRequirement
            {
                Kind = (Proto.CadenceRequirementKind)((int)r.Kind + 1),
                WindowStartTime = Timestamp.FromDateTimeOffset(r.WindowStart),
                WindowEndTime = Timestamp.FromDateTimeOffset(r.WindowEnd),
                State = (Proto.CadenceState)((int)r.State + 1),
                MeetingId = r.MeetingId ?? "",
                PartnerMeetingId = r.PartnerMeetingId ?? "",
            }));
            proto.Groups.Add(groupCadence);
        }
        return proto;
    }
}
