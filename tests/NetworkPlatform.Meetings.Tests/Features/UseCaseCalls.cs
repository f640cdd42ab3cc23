using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>
/// The feature tests drive the use cases with the API's requests, as a call does: through the Api mapping and the pipeline
/// (tenant, authorization, validation). A meeting use case's answer is its meeting; lists answer their items and next token.
/// </summary>
internal static class UseCaseCalls
{
    public static Task<Versioned<Meeting>> RunAsync(this ScheduleMeeting u, Proto.ScheduleMeetingRequest r, Caller c,
        CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this CancelMeeting u, Proto.CancelMeetingRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this RescheduleMeeting u, Proto.RescheduleMeetingRequest r, Caller c,
        CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this AddAgendaItem u, Proto.AddAgendaItemRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this SendInvitations u, Proto.SendInvitationsRequest r, Caller c,
        CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this Rsvp u, Proto.RsvpRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this RecordAttendance u, Proto.RecordAttendanceRequest r, Caller c,
        CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this RecordDecision u, Proto.RecordDecisionRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this GenerateMinutesDraft u, Proto.GenerateMinutesDraftRequest r, Caller c,
        CancellationToken t) => MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this ApproveMinutes u, Proto.ApproveMinutesRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<Meeting>> RunAsync(this PublishMinutes u, Proto.PublishMinutesRequest r, Caller c, CancellationToken t) =>
        MeetingAsync(u, MeetingsMapping.ToCommand(r), c, t);

    public static async Task<(IReadOnlyList<Versioned<Meeting>> Meetings, string NextPageToken)> RunAsync(this ListMeetings u,
        Proto.ListMeetingsRequest r, Caller c, CancellationToken t)
    {
        var page = (await u.RunAsync(MeetingsMapping.ToQuery(r), c, t)).Page;
        return (page.Items, page.NextPageToken ?? "");
    }

    public static Task<Versioned<ActionItem>> RunAsync(this CreateActionItem u, Proto.CreateActionItemRequest r, Caller c,
        CancellationToken t) =>
        u.RunAsync(MeetingsMapping.ToCommand(r), c, t);

    public static Task<Versioned<ActionItem>> RunAsync(this CompleteActionItem u, Proto.CompleteActionItemRequest r, Caller c,
        CancellationToken t) => u.RunAsync(MeetingsMapping.ToCommand(r), c, t);

    public static async Task<(IReadOnlyList<Versioned<ActionItem>> Items, string NextPageToken)> RunAsync(this ListActionItems u,
        Proto.ListActionItemsRequest r, Caller c, CancellationToken t)
    {
        var page = await u.RunAsync(MeetingsMapping.ToQuery(r), c, t);
        return (page.Items, page.NextPageToken ?? "");
    }

    public static Task<Versioned<Deadline>> RunAsync(this CreateDeadline u, Proto.CreateDeadlineRequest r, Caller c, CancellationToken t) =>
        u.RunAsync(CalendarMapping.ToCommand(r), c, t);

    public static Task<CalendarSelection> RunAsync(this ListCalendarEntries u, Proto.ListCalendarEntriesRequest r, Caller c,
        CancellationToken t) =>
        u.RunAsync(CalendarMapping.ToQuery(r), c, t);

    public static Task<CalendarFeed> RunAsync(this GetCalendarFeed u, Proto.GetCalendarFeedRequest r, Caller c, CancellationToken t) =>
        u.RunAsync(CalendarMapping.ToQuery(r), c, t);

    public static Task<IReadOnlyList<GroupCompliance>> RunAsync(this GetCadenceCompliance u, Proto.GetCadenceComplianceRequest r, Caller c,
        CancellationToken t) => u.RunAsync(CalendarMapping.ToQuery(r), c, t);

    public static Task<IReadOnlyList<GroupCompliance>> RunAsync(this CheckCadence u, Proto.CheckCadenceRequest r, Caller c,
        CancellationToken t) =>
        u.RunAsync(CalendarMapping.ToCommand(r), c, t);

    /// <summary>The status a client gets for what <paramref name="call"/> throws (the service's one error mapping); fails when it
    /// succeeds.</summary>
    public static async Task<RpcException> StatusOfAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(call);
        return Assert.IsType<RpcException>(ErrorMapping.ToRpcException(failure));
    }

    private static async Task<Versioned<Meeting>> MeetingAsync<TCommand>(IUseCase<TCommand, MeetingView> useCase, TCommand command,
        Caller caller,
        CancellationToken cancellationToken) => (await useCase.RunAsync(command, caller, cancellationToken)).Meeting;
}

/// <summary>The one rule a <see cref="RuleViolationException"/> reports.</summary>
internal static class RuleViolations
{
    extension(RuleViolationException exception)
    {
        public string Reason => Assert.Single(exception.Violations).Reason;
    }
}
