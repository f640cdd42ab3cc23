using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Reports;

public sealed record ListGroupMeetingFactsQuery(string NetworkId, string GroupId, int Year, int PageSize, string PageToken)
    : INetworkRequest;

/// <summary>
/// A group's meetings of a year in start order, as the reporting service keeps them (a fact per meeting, not the meeting):
/// a group's page reads these instead of the meetings themselves, whose agenda, invitations and minutes it never shows.
/// </summary>
public sealed class ListGroupMeetingFacts(ReportingContext context) : IUseCase<ListGroupMeetingFactsQuery, Page<MeetingFact>>
{
    // Anyone of the network may read them, as anyone reads its meetings.
    public void Authorize(ListGroupMeetingFactsQuery query, Caller caller)
    {
    }

    public void Validate(ListGroupMeetingFactsQuery query, Violations violations) =>
        violations.Accounts(query.GroupId, query.Year).PageSize("page_size", query.PageSize);

    public Task<Page<MeetingFact>> HandleAsync(ListGroupMeetingFactsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var period = ReportingPeriod.Year(query.Year);
        var ofTheYear = ReportingCollections.Meetings.Query().Where(m => m.GroupId, query.GroupId)
            .Between(m => m.StartsAt, period.From, period.To).Page(Paging.Size(query.PageSize), Paging.Token(query.PageToken));
        return context.Store.QueryAsync(ReportingCollections.Meetings, query.NetworkId, ofTheYear, cancellationToken);
    }
}
