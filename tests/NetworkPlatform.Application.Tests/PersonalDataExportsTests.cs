using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.PersonalData;

namespace NetworkPlatform.Application.Tests;

/// <summary>Who may export a person's data, in every service: the secretariat and the person themself.</summary>
public class PersonalDataExportsTests
{
    private static readonly ExportPersonalDataQuery Ingrids = new("net-1", "per-ingrid");

    private static Caller Person(string? personId, params string[] roles) =>
        new("someone", "net-1", "org-fjordvik", personId, roles.ToHashSet());

    [Fact]
    public void the_secretariat_and_the_person_themself_may_export()
    {
        PersonalDataExports.Authorize(Ingrids, Person(null, Roles.Secretariat));
        PersonalDataExports.Authorize(Ingrids, Person("per-ingrid", Roles.Representative));
    }

    [Theory]
    [InlineData("per-marte", Roles.Representative)]
    [InlineData("per-marte", Roles.GroupLeader)]
    [InlineData(null, Roles.PartnerSystem)]
    [InlineData(null, Roles.DashboardReader)]
    [InlineData(null, Roles.Operator)]
    public void anyone_else_is_refused_even_of_the_persons_own_organisation(string? personId, string role)
    {
        var refused = Assert.Throws<PermissionDeniedException>(() => PersonalDataExports.Authorize(Ingrids, Person(personId, role)));

        Assert.Equal("NOT_YOUR_DATA", refused.Reason);
    }
}
