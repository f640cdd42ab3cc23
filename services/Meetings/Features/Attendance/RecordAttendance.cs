using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Present, absent or excused per participant; from then on the meeting is held, and its quorum known.</summary>
public sealed class RecordAttendance(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.RecordAttendanceRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .Require(request.Entries.Count > 0, "entries", "Give at least one participant's attendance.")
            .Require(request.Entries.Select(e => e.PersonId).Distinct().Count() == request.Entries.Count, "entries", "Name each person once.");
        for (var i = 0; i < request.Entries.Count; i++)
        {
            validation.NotEmpty(request.Entries[i].PersonId, $"entries[{i}].person_id", "person id")
                .Require(ProtoMapping.ToDomain(request.Entries[i].Status) is not null, $"entries[{i}].status", "Use PRESENT, ABSENT or EXCUSED.");
        }
        validation.ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var now = context.Now;

        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting =>
            {
                var names = meeting.Invitations.Where(i => i.Recipient.PersonId is not null).ToDictionary(i => i.Recipient.PersonId!, i => i.Recipient.Name);
                var entries = request.Entries.Select(e => new AttendanceEntry(e.PersonId,
                    e.DisplayName.Length > 0 ? e.DisplayName : names.GetValueOrDefault(e.PersonId, e.PersonId), ProtoMapping.ToDomain(e.Status)!.Value)).ToList();
                return Task.FromResult(meeting.RecordAttendance(entries, now));
            },
            (_, after, version, unitOfWork) =>
            {
                var quorum = after.QuorumUnder(settings.Quorum);
                return unitOfWork.PublishAsync(new AttendanceRecorded(MeetingsContext.NewEventId(), now, after.NetworkId, after.Id, version, after.Id, after.GroupId,
                    after.Kind.ToString(), after.Start, after.Attendance.Select(a => new AttendanceMark(a.PersonId, a.Status.ToString())).ToList(),
                    quorum.InvitedParticipants, quorum.Present, quorum.Reached), cancellationToken);
            },
            cancellationToken);
    }
}
