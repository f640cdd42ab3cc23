using NetworkPlatform.Application.Failures;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Tests.Domain;

public class AppointmentRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Appointment NewAppointment() => Appointment.Appoint("rep-1", "norsk-hph", "org-1", "per-1",
        RepresentativeRole.Representative,
        new AppointmentTerms(8, new ApprovingManager("Ola Rønning", "Klinikkdirektør")), T0, T0);

    private static Appointment AppointmentOf(string id, string personId) => Appointment.Appoint(id, "norsk-hph", "org-1", personId,
        RepresentativeRole.Representative, new AppointmentTerms(8, new ApprovingManager("Ola Rønning")), T0, T0);

    [Fact]
    public void only_an_active_member_can_appoint()
    {
        var applied = MembershipLifecycleTests.NewOrganisation().ApplyForMembership(new Decision("x", T0, ""));

        var error = Rules.Broken(Assert.Throws<RuleViolationException>(() => applied.Admit(NewAppointment(), [])));

        Assert.Equal("MEMBERSHIP_NOT_ACTIVE", error.Reason);
    }

    [Fact]
    public void a_suspended_member_cannot_appoint()
    {
        var suspended = MembershipLifecycleTests.ActiveOrganisation().SuspendMembership(new Decision("sec", T0, "paused"));

        Assert.Equal("MEMBERSHIP_NOT_ACTIVE",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => suspended.Admit(NewAppointment(), []))).Reason);
    }

    [Fact]
    public void a_person_cannot_hold_the_same_appointment_twice()
    {
        var member = MembershipLifecycleTests.ActiveOrganisation();

        var error = Assert.Throws<AlreadyExistsException>(() => member.Admit(AppointmentOf("rep-2", "per-1"), [NewAppointment()]));

        Assert.Equal("rep-1", error.Name);
    }

    [Fact]
    public void a_withdrawn_person_can_be_appointed_again()
    {
        var withdrawn = NewAppointment().End(AppointmentEndReason.Withdrawn, T0, "");

        MembershipLifecycleTests.ActiveOrganisation().Admit(AppointmentOf("rep-2", "per-1"), [withdrawn, AppointmentOf("rep-3", "per-2")]);
    }

    [Fact]
    public void ending_an_appointment_records_when_and_why()
    {
        var ended = NewAppointment().End(AppointmentEndReason.MembershipEnded, T0.AddMonths(2), "resigned");

        Assert.False(ended.IsActive);
        Assert.Equal((AppointmentEndReason.MembershipEnded, T0.AddMonths(2), "resigned"),
            (ended.EndReason!.Value, ended.EndAt!.Value, ended.EndNote));
    }

    [Fact]
    public void an_ended_appointment_cannot_end_again_or_change_terms()
    {
        var ended = NewAppointment().End(AppointmentEndReason.Withdrawn, T0, "");

        Assert.Equal("APPOINTMENT_ENDED",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => ended.End(AppointmentEndReason.Replaced, T0, ""))).Reason);
        Assert.Equal("APPOINTMENT_ENDED",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => ended.ChangeTerms(new AppointmentTerms(4, ended.ApprovingManager),
                AppointmentTerms.Fields.Updatable.ToHashSet(), T0))).Reason);
    }
}
