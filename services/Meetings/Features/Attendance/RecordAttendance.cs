using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="DisplayName">Empty: the name the person was invited under.</param>
/// <param name="Status">Null for a status the API could not read.</param>
public sealed record AttendanceInput(string PersonId, string DisplayName, AttendanceStatus? Status);

public sealed record RecordAttendanceCommand(string NetworkId, string MeetingId, string Etag, IReadOnlyList<AttendanceInput> Entries)
    : INetworkRequest;

/// <summary>Present, absent or excused per participant; from then on the meeting is held, and its quorum known.</summary>
public sealed class RecordAttendance(MeetingsContext context) : IUseCase<RecordAttendanceCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(RecordAttendanceCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(RecordAttendanceCommand command, Violations violations)
    {
        violations
            .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
            .Require(command.Entries.Count > 0, "entries", "Give at least one participant's attendance.")
            .Require(command.Entries.Select(e => e.PersonId).Distinct().Count() == command.Entries.Count, "entries",
                "Name each person once.");
        for (var i = 0; i < command.Entries.Count; i++)
        {
            violations.NotEmpty(command.Entries[i].PersonId, $"entries[{i}].person_id", "person id")
                .Require(command.Entries[i].Status is not null, $"entries[{i}].status", "Use PRESENT, ABSENT or EXCUSED.");
        }
    }

    public async Task<MeetingView> HandleAsync(RecordAttendanceCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var held = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting =>
        {
            var entries = command.Entries.Select(e => new AttendanceEntry(e.PersonId,
                e.DisplayName.Length > 0 ? e.DisplayName : InvitedName(meeting, e.PersonId) ?? e.PersonId, e.Status!.Value)).ToList();
            var after = meeting.RecordAttendance(entries, now);
            var quorum = after.QuorumUnder(settings.Quorum);
            return Change<Meeting>.With(after, version => new AttendanceRecorded(MeetingsContext.NewEventId(), now, after.NetworkId,
                after.Id, version,
                after.Id, after.GroupId, after.Kind.ToString(), after.Start,
                after.Attendance.Select(a => new AttendanceMark(a.PersonId, a.Status.ToString())).ToList(),
                quorum.InvitedParticipants, quorum.Present, quorum.Reached));
        }, cancellationToken);
        return new MeetingView(held, settings.Quorum);
    }

    private static string? InvitedName(Meeting meeting, string personId) =>
        meeting.Invitations.FirstOrDefault(i => i.Recipient.PersonId == personId)?.Recipient.Name;
}
