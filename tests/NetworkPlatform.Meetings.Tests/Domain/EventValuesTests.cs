using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The values the catalogue lists for the meetings' event fields are the names of the enums they are written from.</summary>
public sealed class EventValuesTests
{
    [Fact]
    public void each_listed_field_names_the_values_of_its_enum()
    {
        foreach (var type in new[]
            { typeof(MeetingScheduled), typeof(MeetingCancelled), typeof(MinutesPublished), typeof(AttendanceRecorded) })
        {
            Assert.Equal(Enum.GetNames<MeetingKind>(), EventValues.Of(type, "Kind"));
        }
        Assert.Equal(Enum.GetNames<AttendanceStatus>(), EventValues.Of(typeof(AttendanceMark), "Status"));
        Assert.Equal(Enum.GetNames<CadenceRequirementKind>(), EventValues.Of(typeof(CadenceBreached), "Requirement"));
        Assert.Equal(Enum.GetNames<NoticePurpose>(), EventValues.Of(typeof(InvitationIssued), "Purpose"));
        Assert.Equal(Enum.GetNames<RecipientKind>(), EventValues.Of(typeof(NotificationRecipient), "Kind"));
        // An RSVP is an answer: NoReply is only the state before one.
        Assert.Equal(Enum.GetNames<RsvpAnswer>().Except([nameof(RsvpAnswer.NoReply)]), EventValues.Of(typeof(RsvpReceived), "Answer"));
    }
}
