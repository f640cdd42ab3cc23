using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;

namespace NetworkPlatform.Groups.Tests.Support;

/// <summary>
/// The membership service's answers for feature tests, as a table of persons (the real client is tested against the
/// membership gRPC contract in Api/). Counts the checks, so tests can see that joining asked membership.
/// </summary>
internal sealed class KnownMembership : IMembershipDirectory
{
    private readonly Dictionary<string, RepresentativeCheck> persons = new(StringComparer.Ordinal);

    public int Checks { get; private set; }

    public PersonIdentity Representative(string personId, string organisationId = "org-fjordvik")
    {
        var person = new PersonIdentity(personId, organisationId, true, $"Person {personId}", $"Organisation {organisationId}",
            $"{personId}@example.org", "+47 900 00 000");
        persons[personId] = new RepresentativeCheck(person, null);
        return person;
    }

    public void NotARepresentative(string personId, string refusal) =>
        persons[personId] = new RepresentativeCheck(new PersonIdentity(personId, "", false, $"Person {personId}", "", "", ""), refusal);

    public Task<RepresentativeCheck> CheckRepresentativeAsync(string networkId, string personId, CancellationToken cancellationToken)
    {
        Checks++;
        return persons.TryGetValue(personId, out var check) ? Task.FromResult(check) : throw new NotFoundException("Person", personId);
    }
}
