using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Features.Membership;

/// <summary>
/// What the groups service asks the membership service, at the moment someone joins or takes a role: does this person
/// represent an active member organisation of the network? (Synchronous by design: a stale copy could admit a person
/// whose appointment was just withdrawn.)
/// </summary>
public interface IMembershipDirectory
{
    /// <summary>
    /// The person as membership knows them. RepresentsMember is false (with the reason in <see cref="RepresentativeCheck.Refusal"/>)
    /// when they hold no current appointment for an active member. Throws <see cref="NotFoundException"/> for an unknown person.
    /// </summary>
    Task<RepresentativeCheck> CheckRepresentativeAsync(string networkId, string personId, CancellationToken cancellationToken);
}

/// <param name="Person">Name, organisation and contact details as membership has them.</param>
/// <param name="Refusal">Why the person is not an active member's representative; null when they are.</param>
public sealed record RepresentativeCheck(PersonIdentity Person, string? Refusal)
{
    /// <summary>The person, or a refusal saying why they cannot hold a member's place.</summary>
    public PersonIdentity RequireRepresentative()
    {
        if (Person.RepresentsMember)
        {
            return Person;
        }
        throw new RuleViolationException("NOT_A_MEMBER_REPRESENTATIVE", $"persons/{Person.PersonId}",
            $"{Person.DisplayName} ({Person.PersonId}) does not represent an active member organisation of this network: " +
            $"{Refusal ?? "no current appointment"}. Their organisation appoints them as representative in the membership service first; " +
            "or invite them as expert, state actor or observer.");
    }
}
