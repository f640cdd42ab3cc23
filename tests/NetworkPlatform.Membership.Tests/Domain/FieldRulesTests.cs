using NetworkPlatform.Application;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Tests.Domain;

public class FieldRulesTests
{
    [Theory]
    [InlineData("974760673", true)] // a real-format number with a correct mod-11 check digit
    [InlineData("952601814", true)]
    [InlineData("952 601 814", true)]
    [InlineData("952601815", false)] // wrong check digit
    [InlineData("95260181", false)]
    [InlineData("95260181x", false)]
    [InlineData("", false)]
    public void organisation_numbers_need_nine_digits_and_a_valid_mod11_check_digit(string number, bool valid) =>
        Assert.Equal(valid, FieldRules.IsOrganisationNumber(number));

    [Theory]
    [InlineData("ingrid.haugen@fjordvik.kommune.no", true)]
    [InlineData("a@b.no", true)]
    [InlineData("not-an-email", false)]
    [InlineData("two@@signs.no", false)]
    [InlineData("no-tld@host", false)]
    [InlineData("space in@side.no", false)]
    public void emails_need_a_local_part_and_a_domain_with_a_top_level(string email, bool valid) =>
        Assert.Equal(valid, new Violations().OptionalEmail("email", email).IsEmpty);

    [Theory]
    [InlineData("+47 22 00 00 00", true)]
    [InlineData("91122333", true)]
    [InlineData("1234", false)]
    [InlineData("+47-22-00", false)]
    [InlineData("call me", false)]
    public void phones_are_8_to_15_digits_with_an_optional_plus(string phone, bool valid) =>
        Assert.Equal(valid, FieldRules.IsPhone(phone));

    [Theory]
    [InlineData("norsk-hph", true)]
    [InlineData("ab", false)]
    [InlineData("Norsk-HPH", false)]
    [InlineData("-leading", false)]
    [InlineData("with space", false)]
    public void network_ids_are_lower_case_slugs(string id, bool valid) => Assert.Equal(valid,
        new Violations().NetworkId("network_id", id).IsEmpty);

    [Fact]
    public void ids_derived_from_the_same_request_id_are_equal_and_differ_per_network()
    {
        var requestId = Guid.NewGuid().ToString();

        Assert.Equal(Identifiers.New("org", "a-net", requestId), Identifiers.New("org", "a-net", requestId));
        Assert.NotEqual(Identifiers.New("org", "a-net", requestId), Identifiers.New("org", "b-net", requestId));
        Assert.NotEqual(Identifiers.New("org", "a-net", ""), Identifiers.New("org", "a-net", ""));
    }
}

public class PersonalDataPolicyTests
{
    private static readonly Person Ingrid = Person.Register("per-1", "partnerskap", "org-fjordvik",
        new PersonDetails("Ingrid Haugen", "ingrid@fjordvik.example", "", []), DateTimeOffset.UnixEpoch);

    private static PersonalDataViewer As(string network, string? organisation, string? person, params string[] roles) =>
        PersonalDataViewer.Of(new Caller("sub", network, organisation, person, roles.ToHashSet()));

    private static PersonalDataViewer LeaderOf(string network, params string[] members) =>
        new(new Caller("sub", network, "org-other", "per-leader", new HashSet<string> { Roles.GroupLeader }), members.ToHashSet());

    [Fact]
    public void the_secretariat_sees_personal_data() => Assert.True(
        PersonalDataPolicy.MaySeePersonalData(As("partnerskap", null, null, Roles.Secretariat), Ingrid));

    [Fact]
    public void the_persons_own_organisation_sees_personal_data() =>
        Assert.True(PersonalDataPolicy.MaySeePersonalData(As("partnerskap", "org-fjordvik", "per-9", Roles.Representative), Ingrid));

    [Fact]
    public void the_person_sees_their_own_data() => Assert.True(
        PersonalDataPolicy.MaySeePersonalData(As("partnerskap", "org-other", "per-1"), Ingrid));

    [Fact]
    public void another_organisations_representative_does_not() =>
        Assert.False(PersonalDataPolicy.MaySeePersonalData(As("partnerskap", "org-other", "per-9", Roles.Representative), Ingrid));

    [Fact]
    public void a_secretariat_of_another_network_does_not() =>
        Assert.False(PersonalDataPolicy.MaySeePersonalData(As("norsk-hph", null, null, Roles.Secretariat), Ingrid));

    [Fact]
    public void a_group_leader_sees_the_personal_data_of_the_members_of_the_groups_they_lead() =>
        Assert.True(PersonalDataPolicy.MaySeePersonalData(LeaderOf("partnerskap", "per-1"), Ingrid));

    [Fact]
    public void a_group_leader_does_not_see_the_personal_data_of_others() =>
        Assert.False(PersonalDataPolicy.MaySeePersonalData(LeaderOf("partnerskap", "per-2"), Ingrid));

    [Fact]
    public void a_group_leader_of_another_network_does_not() =>
        Assert.False(PersonalDataPolicy.MaySeePersonalData(LeaderOf("norsk-hph", "per-1"), Ingrid));
}
