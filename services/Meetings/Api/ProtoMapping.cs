using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Storage;
using MeasureStatus = NetworkPlatform.Common.V1.MeasureStatus;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>Domain to API messages and back. Proto enums have an UNSPECIFIED zero that the domain never holds.</summary>
public static class ProtoMapping
{
    /// <summary>The meeting as <paramref name="caller"/> may see it: addressees' e-mail addresses as <see cref="Access"/> allows.</summary>
    public static Proto.Meeting ToProto(this Versioned<Meeting> versioned, QuorumRule quorum, Caller caller)
    {
        var m = versioned.Document;
        var q = m.QuorumUnder(quorum);
        var proto = new Proto.Meeting
        {
            NetworkId = m.NetworkId,
            MeetingId = m.Id,
            GroupId = m.GroupId,
            Title = m.Title,
            Kind = ToProto(m.Kind),
            StartTime = Timestamp.FromDateTimeOffset(m.Start),
            EndTime = Timestamp.FromDateTimeOffset(m.End),
            TimeZone = m.TimeZone,
            Location = m.Location,
            VideoLink = m.VideoLink,
            Status = (Proto.MeetingStatus)((int)m.Status + 1),
            Sequence = m.Sequence,
            CancellationReason = m.CancellationReason,
            Quorum = new Proto.Quorum { InvitedParticipants = q.InvitedParticipants, Present = q.Present, Required = q.Required,
                Reached = q.Reached },
            ReminderSentTime = m.ReminderSentAt is { } reminded ? Timestamp.FromDateTimeOffset(reminded) : null,
            CreateTime = Timestamp.FromDateTimeOffset(m.CreatedAt),
            Etag = versioned.ETag,
        };
        proto.Reschedules.AddRange(m.Reschedules.Select(r => new Proto.RescheduleRecord
        {
            PreviousStartTime = Timestamp.FromDateTimeOffset(r.PreviousStart),
            PreviousEndTime = Timestamp.FromDateTimeOffset(r.PreviousEnd),
            StartTime = Timestamp.FromDateTimeOffset(r.Start),
            EndTime = Timestamp.FromDateTimeOffset(r.End),
            Reason = r.Reason,
            RescheduledBy = r.By,
            RescheduleTime = Timestamp.FromDateTimeOffset(r.At),
        }));
        proto.Agenda.AddRange(m.Agenda.Select(ToProto));
        proto.Invitations.AddRange(m.Invitations.Select(i => new Proto.Invitation
        {
            Recipient = ToProto(i.Recipient, Access.MaySeeContactOf(caller, m, i.Recipient)),
            Copy = i.Copy == CopyKind.To ? Proto.CopyKind.To : Proto.CopyKind.Cc,
            IssueTime = Timestamp.FromDateTimeOffset(i.IssuedAt),
            Answer = (Proto.RsvpAnswer)((int)i.Answer + 1),
            RsvpComment = i.RsvpComment,
            AnswerTime = i.AnsweredAt is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
        }));
        proto.Attendance.AddRange(m.Attendance.Select(a => new Proto.AttendanceEntry
        {
            PersonId = a.PersonId,
            DisplayName = a.Name,
            Status = (Proto.AttendanceStatus)((int)a.Status + 1),
        }));
        proto.Decisions.AddRange(m.Decisions.Select(ToProto));
        proto.CarriedOverActionItemIds.AddRange(m.CarriedOverActionItemIds);
        if (m.Minutes is { } minutes)
        {
            proto.Minutes = new Proto.Minutes
            {
                Status = (Proto.MinutesStatus)((int)minutes.Status + 1),
                Text = minutes.Text,
                DraftTime = Timestamp.FromDateTimeOffset(minutes.DraftedAt),
                ApprovedBy = minutes.ApprovedBy ?? "",
                ApproveTime = minutes.ApprovedAt is { } approved ? Timestamp.FromDateTimeOffset(approved) : null,
                PublishTime = minutes.PublishedAt is { } published ? Timestamp.FromDateTimeOffset(published) : null,
            };
            if (minutes.PublishedTo is { } addressees)
            {
                proto.Minutes.PublishedTo.AddRange(addressees.To.Select(r => ToProto(r, Access.MaySeeContactOf(caller, m, r))));
                proto.Minutes.PublishedCc.AddRange(addressees.Cc.Select(r => ToProto(r, Access.MaySeeContactOf(caller, m, r))));
            }
        }
        return proto;
    }

    public static Proto.AgendaItem ToProto(AgendaItem item)
    {
        var proto = new Proto.AgendaItem { ItemId = item.Id, Title = item.Title, Description = item.Description,
            DurationMinutes = item.DurationMinutes };
        proto.MeasureIds.AddRange(item.MeasureIds);
        return proto;
    }

    public static Proto.Recipient ToProto(Recipient r, bool withContact) => new()
    {
        Kind = r.Kind switch
        {
            RecipientKind.Secretariat => Proto.RecipientKind.Secretariat,
            RecipientKind.GroupContact => Proto.RecipientKind.GroupContact,
            _ => Proto.RecipientKind.Participant,
        },
        PersonId = r.PersonId ?? "",
        DisplayName = r.Name,
        Email = withContact ? r.Email : "",
        PersonalDataRedacted = !withContact,
    };

    public static Proto.Decision ToProto(Decision d) => new()
    {
        DecisionId = d.Id,
        Kind = (Proto.DecisionKind)((int)d.Kind + 1),
        Text = d.Text,
        PersonId = d.PersonId ?? "",
        MeasureId = d.MeasureId ?? "",
        MeasureStatus = d.MeasureStatus?.ToProtoStatus() ?? MeasureStatus.Unspecified,
        MeasureStatusName = d.MeasureStatus?.ToString() ?? "",
        Amount = d.Amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        FundApplicationId = d.FundApplication?.Id ?? "",
        AgendaItemId = d.AgendaItemId ?? "",
        RecordedBy = d.RecordedBy,
        RecordTime = Timestamp.FromDateTimeOffset(d.RecordedAt),
    };

    public static Proto.ActionItem ToProto(this Versioned<ActionItem> versioned)
    {
        var a = versioned.Document;
        return new Proto.ActionItem
        {
            NetworkId = a.NetworkId,
            ActionItemId = a.Id,
            GroupId = a.GroupId,
            MeetingId = a.MeetingId,
            Title = a.Title,
            OwnerPersonId = a.OwnerPersonId,
            OwnerDisplayName = a.OwnerName,
            DueDate = a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Status = a.Status == ActionItemStatus.Open ? Proto.ActionItemStatus.Open : Proto.ActionItemStatus.Done,
            CompleteTime = a.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
            CompletedBy = a.CompletedBy ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(a.CreatedAt),
            Etag = versioned.ETag,
        };
    }

    public static Proto.Deadline ToProto(Deadline d) => new()
    {
        NetworkId = d.NetworkId,
        DeadlineId = d.Id,
        Title = d.Title,
        Description = d.Description,
        DueTime = Timestamp.FromDateTimeOffset(d.DueAt),
        TimeZone = d.TimeZone,
        GroupId = d.GroupId ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(d.CreatedAt),
    };

    public static Proto.MeetingKind ToProto(MeetingKind kind) => (Proto.MeetingKind)((int)kind + 1);

    /// <summary>Null for UNSPECIFIED (or unknown numbers from newer clients).</summary>
    public static MeetingKind? ToDomain(Proto.MeetingKind kind) =>
        kind is > Proto.MeetingKind.Unspecified and <= Proto.MeetingKind.Other ? (MeetingKind)((int)kind - 1) : null;

    public static MeetingStatus? ToDomain(Proto.MeetingStatus status) =>
        status is > Proto.MeetingStatus.Unspecified and <= Proto.MeetingStatus.Cancelled ? (MeetingStatus)((int)status - 1) : null;

    public static RsvpAnswer? ToDomain(Proto.RsvpAnswer answer) =>
        answer is >= Proto.RsvpAnswer.Accepted and <= Proto.RsvpAnswer.Tentative ? (RsvpAnswer)((int)answer - 1) : null;

    public static AttendanceStatus? ToDomain(Proto.AttendanceStatus status) =>
        status is > Proto.AttendanceStatus.Unspecified and <= Proto.AttendanceStatus.Excused ? (AttendanceStatus)((int)status - 1) : null;

    public static DecisionKind? ToDomain(Proto.DecisionKind kind) =>
        kind is > Proto.DecisionKind.Unspecified and <= Proto.DecisionKind.FundApplicationRejected ? (DecisionKind)((int)kind - 1) : null;
}
