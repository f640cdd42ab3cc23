using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

public sealed record ErasePersonCopiesCommand(string NetworkId, string PersonId) : INetworkRequest;

/// <summary>
/// Membership erased a person: on every meeting they become "former participant" without an address (invitations,
/// attendance, minutes' addressees; counts and quorum stay), their name goes from agendas, minutes and decisions, the
/// action items they own stay with "former participant", and the meetings' outbox loses their name and addresses. Run by
/// the service itself (PersonErased) in the delivery's unit; idempotent. Meetings have no index by person: two passes
/// over the network's meetings, page by page (the first finds the names and addresses the meetings hold of the person).
/// </summary>
public sealed class ErasePersonCopies(MeetingsContext context) : IUseCase<ErasePersonCopiesCommand, int>
{
    private const int PageSize = 500;

    public void Authorize(ErasePersonCopiesCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(ErasePersonCopiesCommand command, Violations violations) =>
        violations.NotEmpty(command.PersonId, "person_id", "person id");

    /// <returns>How many meetings and action items changed.</returns>
    public Task<int> HandleAsync(ErasePersonCopiesCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var (network, personId) = (command.NetworkId, command.PersonId);
            var actionItems = await context.Store.ReadAllAsync(MeetingsCollections.ActionItems, network,
                new DocumentQuery<ActionItem>().Where(a => a.OwnerPersonId, personId).OrderBy(a => a.DueDate), cancellationToken);
            var values = actionItems.Select(a => a.OwnerName).ToHashSet();
            await ForEachMeetingAsync(unit, network, m => values.UnionWith(m.ValuesOf(personId)), cancellationToken);
            values.Remove(PersonErased.FormerParticipant);

            var changed = new List<string>();
            await ForEachMeetingAsync(unit, network, m =>
            {
                if (m.ErasePerson(personId, values, PersonErased.FormerParticipant) is not null)
                {
                    changed.Add(m.Id);
                }
            }, cancellationToken);
            foreach (var id in changed)
            {
                var current = await unit.RequireForUpdateAsync(MeetingsResources.Meetings, network, id, cancellationToken);
                if (current.Document.ErasePerson(personId, values, PersonErased.FormerParticipant) is { } erased)
                {
                    await unit.ReplaceAsync(MeetingsResources.Meetings, network, Change<Meeting>.Quiet(erased), current.Version,
                        cancellationToken);
                }
            }
            var owned = actionItems.Where(a => a.EraseOwner(values, PersonErased.FormerParticipant) != a).ToList();
            foreach (var item in owned)
            {
                var current = await unit.RequireForUpdateAsync(MeetingsResources.ActionItems, network, item.Id, cancellationToken);
                await unit.ReplaceAsync(MeetingsResources.ActionItems, network,
                    Change<ActionItem>.Quiet(current.Document.EraseOwner(values, PersonErased.FormerParticipant)), current.Version,
                    cancellationToken);
            }
            await unit.ScrubOutboxAsync(network, values, PersonErased.FormerParticipant, cancellationToken);
            return changed.Count + owned.Count;
        }, cancellationToken);

    private static async Task ForEachMeetingAsync(IUnitOfWork unit, string network, Action<Meeting> visit, CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await unit.QueryAsync(MeetingsCollections.Meetings, network, new DocumentQuery<Meeting>().Page(PageSize, token), ct);
            foreach (var item in page.Items)
            {
                visit(item.Document);
            }
            token = page.NextPageToken;
        }
        while (token is not null);
    }
}
