using NetworkPlatform.Application;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// What meetings holds about a person: their invitations (with the address they were sent to and their answer), their
/// attendance, decisions naming them, minutes addressed to them and the action items they own. Meetings have no index by
/// person (a person is inside a meeting's lists), so every meeting of the network is read, page by page: an export is
/// rare, and it costs one pass over the network's meetings.
/// </summary>
public sealed class ExportPersonalData(MeetingsContext context) : IUseCase<ExportPersonalDataQuery, PersonalDataSection>
{
    private const int PageSize = 500;

    public void Authorize(ExportPersonalDataQuery query, Caller caller) => PersonalDataExports.Authorize(query, caller);

    public void Validate(ExportPersonalDataQuery query, Violations violations) => PersonalDataExports.Validate(query, violations);

    public async Task<PersonalDataSection> HandleAsync(ExportPersonalDataQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var records = new List<PersonalDataRecord>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MeetingsCollections.Meetings, query.NetworkId,
                new DocumentQuery<Meeting>().Page(PageSize, token), cancellationToken);
            records.AddRange(page.Items.SelectMany(m => RecordsOf(query.NetworkId, m.Document, query.PersonId)));
            token = page.NextPageToken;
        }
        while (token is not null);

        var actionItems = await context.Store.ReadAllAsync(MeetingsCollections.ActionItems, query.NetworkId,
            new DocumentQuery<ActionItem>().Where(a => a.OwnerPersonId, query.PersonId).OrderBy(a => a.DueDate), cancellationToken);
        records.AddRange(actionItems.Select(a =>
            new PersonalDataRecord("action_item", MeetingsResources.ActionItems.NameOf(query.NetworkId, a.Id), a)));
        records.AddRange(await ContactReads.RecordsOfAsync(context.Store, query.NetworkId, query.PersonId, cancellationToken));
        return new PersonalDataSection("meetings", records);
    }

    private static IEnumerable<PersonalDataRecord> RecordsOf(string networkId, Meeting meeting, string personId)
    {
        var name = MeetingsResources.Meetings.NameOf(networkId, meeting.Id);
        var invitations = meeting.Invitations.Where(i => i.Recipient.PersonId == personId)
            .Select(i => new PersonalDataRecord("meeting_invitation", $"{name}/invitations/{personId}", i));
        var attendance = meeting.Attendance.Where(a => a.PersonId == personId)
            .Select(a => new PersonalDataRecord("meeting_attendance", $"{name}/attendance/{personId}", a));
        var decisions = meeting.Decisions.Where(d => d.PersonId == personId)
            .Select(d => new PersonalDataRecord("meeting_decision", $"{name}/decisions/{d.Id}", d));
        var minutes = meeting.Minutes?.PublishedTo?.All.Where(r => r.PersonId == personId)
            .Select(r => new PersonalDataRecord("minutes_recipient", $"{name}/minutes/recipients/{personId}", r)) ?? [];
        return invitations.Concat(attendance).Concat(decisions).Concat(minutes);
    }
}
