using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Features;

/// <summary>
/// The events for any change of who is in a group with which role, found by comparing before and after, so every
/// use case (assign, vacate, join, leave, withdrawal, election in minutes) reports participation the same way.
/// </summary>
public static class ParticipationEvents
{
    public static IEnumerable<IDomainEvent> Diff(Group before, Group after, string reason, long version, DateTimeOffset at)
    {
        IDomainEvent Event(Func<Guid, DateTimeOffset, string, string, long, IDomainEvent> create) =>
            create(Guid.NewGuid(), at, after.NetworkId, after.Id, version);

        foreach (var now in after.Participants)
        {
            var was = before.FindParticipant(now.PersonId);
            if (was is null)
            {
                yield return Event((id, t, n, a, v) => new ParticipantJoined(id, t, n, a, v, after.Id, now.PersonId, now.OrganisationId,
                    now.RepresentsMember));
            }
            foreach (var role in now.Roles.Where(r => was is null || !was.Holds(r)))
            {
                yield return Event((id, t, n, a, v) => new RoleAssigned(id, t, n, a, v, after.Id, now.PersonId, now.OrganisationId,
                    role.ToString(), now.RepresentsMember));
            }
        }
        foreach (var was in before.Participants)
        {
            var now = after.FindParticipant(was.PersonId);
            foreach (var role in was.Roles.Where(r => now is null || !now.Holds(r)))
            {
                yield return Event((id, t, n, a, v) => new RoleVacated(id, t, n, a, v, after.Id, was.PersonId, role.ToString(), reason));
            }
            if (now is null)
            {
                yield return Event((id, t, n, a, v) => new ParticipantLeft(id, t, n, a, v, after.Id, was.PersonId, was.OrganisationId,
                    reason));
            }
        }
    }
}
