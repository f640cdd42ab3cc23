using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Storage;
using NetworkPlatform.Reporting.Storage;
using static NetworkPlatform.Reporting.Storage.ReportingCollections;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Turns events into the facts the figures are computed from. The same code runs for live events and for a rebuild
/// from the event log, so both give the same figures. Events the figures do not need are only logged.
/// </summary>
public static class ReportingProjection
{
    public static async Task ApplyAsync(IDomainEvent domainEvent, IUnitOfWork uow, CancellationToken ct)
    {
        var net = domainEvent.NetworkId;
        switch (domainEvent)
        {
            case MeetingScheduled e:
                await ChangeMeetingAsync(uow, net, e.MeetingId,
                    () => new MeetingFact(net, e.MeetingId, e.GroupId, e.Kind, e.Start.ToUniversalTime(), e.End - e.Start,
                        MeetingState.Planned, [], null, 0),
                    m => m with { Kind = e.Kind, StartsAt = e.Start.ToUniversalTime(), Duration = e.End - e.Start }, ct);
                break;
            case MeetingRescheduled e:
                await ChangeMeetingAsync(uow, net, e.MeetingId, null, m => m with { StartsAt = e.Start.ToUniversalTime(),
                    Duration = e.End - e.Start }, ct);
                break;
            case MeetingCancelled e:
                await ChangeMeetingAsync(uow, net, e.MeetingId, null, m => m with { State = MeetingState.Cancelled }, ct);
                break;
            case AttendanceRecorded e:
                var attendance = new List<AttendanceEntry>();
                foreach (var mark in e.Attendance)
                {
                    // External participants' presence is not members' attendance.
                    var participation = await uow.GetAsync(ReportingCollections.Participations, net,
                        ParticipationId(e.GroupId, mark.PersonId), ct);
                    if (participation?.Document.External == true)
                    {
                        continue;
                    }
                    var affiliation = await uow.GetAsync(ReportingCollections.Affiliations, net, mark.PersonId, ct);
                    attendance.Add(new AttendanceEntry(mark.PersonId, affiliation?.Document.OrganisationId ?? "unknown",
                        ParseAttendance(mark.Status)));
                }
                await ChangeMeetingAsync(uow, net, e.MeetingId,
                    () => new MeetingFact(net, e.MeetingId, e.GroupId, e.Kind, e.Start.ToUniversalTime(), TimeSpan.FromHours(2),
                        MeetingState.Held, attendance, null, 0),
                    m => m with { State = MeetingState.Held, Attendance = attendance }, ct);
                break;
            case MinutesPublished e:
                var publishedAt = e.BackfilledAt ?? e.OccurredAt;
                await ChangeMeetingAsync(uow, net, e.MeetingId,
                    () => new MeetingFact(net, e.MeetingId, e.GroupId, e.Kind, e.Start.ToUniversalTime(), TimeSpan.FromHours(2),
                        MeetingState.Held, [], publishedAt, 0),
                    m => m with { State = MeetingState.Held, MinutesPublishedAt = m.MinutesPublishedAt ?? publishedAt }, ct);
                break;
            case DecisionRecorded e:
                await ChangeMeetingAsync(uow, net, e.MeetingId, null, m => m with { DecisionCount = m.DecisionCount + 1 }, ct);
                break;
            case CadenceBreached e:
                if (await uow.GetAsync(ReportingCollections.CadenceBreaches, net, e.EventId.ToString("N"), ct) is null)
                {
                    await uow.InsertAsync(ReportingCollections.CadenceBreaches, net,
                        new CadenceBreachFact(net, e.EventId.ToString("N"), e.GroupId, e.Year, e.Requirement, e.WindowStart, e.WindowEnd),
                            ct);
                    await MeetingFigures.CountBreachAsync(uow, net, e.GroupId, e.Year, ct);
                }
                break;
            case GroupProposed e:
                await UpsertAsync(uow, ReportingCollections.Groups, net, e.GroupId, () => new GroupFact(net, e.GroupId, e.Kind),
                    g => g with { Kind = e.Kind }, ct);
                break;
            case OrganisationRegistered e:
                await UpsertAsync(uow, ReportingCollections.Organisations, net, e.OrganisationId,
                    () => new OrganisationFact(net, e.OrganisationId), o => o, ct);
                break;
            case ParticipantJoined e:
                await UpsertAsync(uow, ReportingCollections.Participations, net, ParticipationId(e.GroupId, e.PersonId),
                    () => new ParticipationFact(net, e.GroupId, e.PersonId, e.OrganisationId, e.OccurredAt, null, !e.RepresentsMember),
                    p => p.LeftAt is null ? p : p with { JoinedAt = e.OccurredAt, LeftAt = null, OrganisationId = e.OrganisationId,
                        External = !e.RepresentsMember }, ct);
                await AffiliateAsync(uow, net, e.PersonId, e.OrganisationId, ct);
                break;
            case ParticipantLeft e:
                await UpdateAsync(uow, ReportingCollections.Participations, net, ParticipationId(e.GroupId, e.PersonId), p =>
                    p.LeftAt is null ? p with { LeftAt = e.OccurredAt } : p, ct);
                break;
            case RepresentativeAppointed e:
                await UpsertAsync(uow, ReportingCollections.Appointments, net, e.RepresentativeId,
                    () => new AppointmentFact(net, e.RepresentativeId, e.PersonId, e.OrganisationId, e.HoursPerMonth,
                        DateOnly.FromDateTime(e.StartAt.UtcDateTime), null),
                    a => a with { HoursPerMonth = e.HoursPerMonth }, ct);
                await AffiliateAsync(uow, net, e.PersonId, e.OrganisationId, ct);
                break;
            case RepresentativeUpdated e:
                await UpdateAsync(uow, ReportingCollections.Appointments, net, e.RepresentativeId,
                    a => a with { HoursPerMonth = e.HoursPerMonth }, ct);
                break;
            case RepresentativeWithdrawn e:
                await UpdateAsync(uow, ReportingCollections.Appointments, net, e.RepresentativeId, a =>
                    a with { End = DateOnly.FromDateTime(e.EndAt.UtcDateTime) }, ct);
                break;
            case MeasureCreated e:
                await UpsertAsync(uow, ReportingCollections.Measures, net, e.MeasureId,
                    () => new MeasureFact(net, e.MeasureId, e.Title, e.Year, e.GroupId, e.ParentMeasureId, 1m, null, []),
                    m => m with { Title = e.Title, Year = e.Year, ParentMeasureId = e.ParentMeasureId, GroupId = e.GroupId ?? m.GroupId },
                        ct);
                break;
            case MeasureRetitled e:
                await UpdateAsync(uow, ReportingCollections.Measures, net, e.MeasureId, m => m with { Title = e.Title }, ct);
                break;
            case MeasureAssigned e:
                await UpdateAsync(uow, ReportingCollections.Measures, net, e.MeasureId, m => m with { GroupId = e.GroupId }, ct);
                break;
            case ProgressReportSubmitted e:
                var report = new ProgressReport(e.ReportId, e.PeriodStart, e.PeriodEnd, MeasureStatuses.Parse(e.Status), e.Percent,
                    e.Narrative, e.SubmittedBy, e.OccurredAt);
                await UpdateAsync(uow, ReportingCollections.Measures, net, e.MeasureId, m => m.Report(report), ct);
                break;
            case IndicatorCreated e:
                await UpsertAsync(uow, ReportingCollections.Indicators, net, e.IndicatorId,
                    () => IndicatorFact.Create(net, e.IndicatorId, e.Name, e.Unit, e.MeasureId, e.Target), i => i, ct);
                break;
            case IndicatorValueRecorded e:
                await UpdateAsync(uow, ReportingCollections.Indicators, net, e.IndicatorId,
                    i => i.Record(new IndicatorPoint(e.Date, e.Value, e.Note)), ct);
                break;
            case BaseGrantSet e:
                await ChangeAccountsAsync(uow, net, e.GroupId, e.Year, a => a.SetBaseGrant(e.Amount), ct);
                break;
            case FundApplicationSubmitted e:
                var application = new FundApplication(e.ApplicationId, e.Purpose, e.AmountRequested, FundApplicationState.Submitted, 0m,
                    e.OccurredAt, null);
                await ChangeAccountsAsync(uow, net, e.GroupId, e.Year, a => a.Submit(application), ct);
                break;
            case FundApplicationDecided e:
                await ChangeAccountsAsync(uow, net, e.GroupId, e.Year,
                    a => a.Decide(e.ApplicationId, e.Approved, e.AmountGranted, e.OccurredAt, e.MeetingId), ct);
                break;
            case ExpenseRecorded e:
                await ChangeAccountsAsync(uow, net, e.GroupId, e.Year,
                    a => a.Record(new Expense(e.ExpenseId, e.Date, e.Amount, e.Description, e.MeasureId)), ct);
                break;
            case AccountsSignedOff e:
                await ChangeAccountsAsync(uow, net, e.GroupId, e.Year, a => a.SignOff(e.SignedOffBy, e.OccurredAt), ct);
                break;
            case LearningActivityLogged e:
                await UpsertAsync(uow, ReportingCollections.Learning, net, e.ActivityId,
                    () => LearningActivity.Log(net, e.ActivityId, Enum.Parse<LearningKind>(e.Kind), e.OrganisationId, e.GroupId, e.Date,
                        e.Hours,
                        e.Participants, e.Description), a => a, ct);
                break;
        }
    }

    internal static AttendanceStatus ParseAttendance(string status) =>
        Enum.TryParse<AttendanceStatus>(status, ignoreCase: true, out var parsed) ? parsed : AttendanceStatus.Absent;

    /// <summary>
    /// Creates (when <paramref name="create"/> is given) or changes a meeting fact, and its group-year figures with it.
    /// Events about a meeting the reporting service never heard of, with nothing to create it from, are only logged.
    /// </summary>
    private static async Task ChangeMeetingAsync(IUnitOfWork uow, string net, string meetingId, Func<MeetingFact>? create,
        Func<MeetingFact, MeetingFact> update, CancellationToken ct)
    {
        var existing = await uow.GetAsync(ReportingCollections.Meetings, net, meetingId, ct);
        if (existing is null && create is null)
        {
            return;
        }
        var changed = existing is null ? create!() : update(existing.Document);
        if (existing is null)
        {
            await uow.InsertAsync(ReportingCollections.Meetings, net, changed, ct);
        }
        else
        {
            await uow.ReplaceAsync(ReportingCollections.Meetings, net, changed, existing.Version, ct);
        }
        await MeetingFigures.ApplyAsync(uow, net, existing?.Document, changed, ct);
    }

    /// <summary>
    /// A group's accounts of a year changed through their own methods (the rules they check held when the event was
    /// decided, and hold again in the log's order); opened by the first event about them.
    /// </summary>
    private static Task ChangeAccountsAsync(IUnitOfWork uow, string net, string groupId, int year, Func<GroupAccounts,
        GroupAccounts> change,
        CancellationToken ct) =>
        UpsertAsync(uow, ReportingCollections.Accounts, net, AccountsId(groupId, year), () => change(GroupAccounts.Open(net, groupId,
            year)),
            change, ct);

    private static Task AffiliateAsync(IUnitOfWork uow, string net, string personId, string organisationId, CancellationToken ct) =>
        UpsertAsync(uow, ReportingCollections.Affiliations, net, personId, () => new PersonAffiliation(net, personId, organisationId), a =>
            a with { OrganisationId = organisationId }, ct);

    private static async Task UpsertAsync<T>(IUnitOfWork uow, DocumentCollection<T> collection, string net, string id, Func<T> create,
        Func<T, T> update, CancellationToken ct)
        where T : class
    {
        var existing = await uow.GetAsync(collection, net, id, ct);
        if (existing is null)
        {
            await uow.InsertAsync(collection, net, create(), ct);
        }
        else
        {
            await uow.ReplaceAsync(collection, net, update(existing.Document), existing.Version, ct);
        }
    }

    /// <summary>Events about something the reporting service never heard of (e.g. it started after) are only logged.</summary>
    private static async Task UpdateAsync<T>(IUnitOfWork uow, DocumentCollection<T> collection, string net, string id, Func<T, T> update,
        CancellationToken ct)
        where T : class
    {
        var existing = await uow.GetAsync(collection, net, id, ct);
        if (existing is not null)
        {
            await uow.ReplaceAsync(collection, net, update(existing.Document), existing.Version, ct);
        }
    }
}
