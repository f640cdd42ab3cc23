using NetworkPlatform.Application.Failures;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class NotificationRulesTests
{
    [Fact]
    public void the_secretariat_is_copied_on_invitations_by_default()
    {
        var addressees = NotificationRules.Resolve(NotificationRules.Defaults, NotificationEvent.Invitation, Samples.Participants,
            Samples.Secretariat);

        Assert.Equal(["p-kari", "p-ola", "p-ingrid"], addressees.To.Select(r => r.PersonId));
        var secretariat = Assert.Single(addressees.Cc);
        Assert.Equal(RecipientKind.Secretariat, secretariat.Kind);
        Assert.Equal("post@partnerskapmotmobbing.no", secretariat.Email);
    }

    [Theory]
    [InlineData(NotificationEvent.Invitation)]
    [InlineData(NotificationEvent.MinutesPublished)]
    public void the_secretariat_is_copied_even_when_the_network_rules_leave_it_out(NotificationEvent notification)
    {
        var leadersOnly = new[] { new NotificationRule(notification, [Audience.Leaders], []) };

        var addressees = NotificationRules.Resolve(leadersOnly, notification, Samples.Participants, Samples.Secretariat);

        Assert.Equal(["p-kari"], addressees.To.Select(r => r.PersonId));
        Assert.Equal([RecipientKind.Secretariat], addressees.Cc.Select(r => r.Kind));
    }

    [Fact]
    public void nobody_gets_the_same_notification_twice()
    {
        var overlapping = new[] { new NotificationRule(NotificationEvent.Invitation, [Audience.Participants, Audience.Leaders,
            Audience.Secretariat], [Audience.Secretariat, Audience.Leaders]) };

        var addressees = NotificationRules.Resolve(overlapping, NotificationEvent.Invitation, Samples.Participants, Samples.Secretariat);

        Assert.Equal(4, addressees.To.Count);
        Assert.Empty(addressees.Cc);
        Assert.Equal(addressees.All.Count(), addressees.All.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void without_a_secretariat_address_invitations_cannot_go_out()
    {
        var error = Assert.Throws<RuleViolationException>(() => NetworkSettings.Default("n-1").RequireSecretariatAddress());

        Assert.Equal("SECRETARIAT_ADDRESS_MISSING", error.Reason);
    }
}
