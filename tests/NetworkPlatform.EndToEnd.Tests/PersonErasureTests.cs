using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Privacy.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 24 item 2, on PostgreSQL and RabbitMQ with each service in its own process: a person who took part in a meeting
/// (invited, present, named in the minutes, owner of an action item) is erased; every API, every export (CSV, vCard,
/// iCalendar, annual report, the personal-data export) and reporting after a rebuild no longer holds their name or
/// e-mail address, nor does any service's database (documents and outbox), and the figures stay the same.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class PersonErasureTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private const string Name = "Ingrid Haugen";
    private const string Email = "ingrid@fjordvik.example";

    [Fact(Timeout = 180_000)]
    public async Task an_erased_person_is_found_nowhere_and_the_figures_stay()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", Name, Email);
        var marte = await network.ActiveRepresentativeAsync("Aasen skole", "Marte Aasen", "marte@aasen.example");
        await network.ActiveWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing", marte.PersonId);
        await network.AssignAsync("wg-digital", ingrid.PersonId, Groups.V1.Role.Member);
        await network.SetSecretariatAddressAsync();
        var held = await network.ScheduleAndInviteAsync("wg-digital", MeetingKind.StartUp, "Oppstartsmøte",
            DateTimeOffset.UtcNow.AddHours(-1));
        await network.RecordPresentAsync(held.MeetingId, ingrid, marte);
        await network.Meetings.CreateActionItemAsync(new CreateActionItemRequest
        {
            NetworkId = network.Id, MeetingId = held.MeetingId,
            ActionItem = new ActionItem { Title = $"{Name} skriver utkast", OwnerPersonId = ingrid.PersonId, DueDate = "2027-01-15" },
        }, network.Secretariat, TestNetwork.Soon);
        await PublishMinutesAsync(network, held.MeetingId);
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);
        var exportRequest = new ExportPersonalDataRequest { NetworkId = network.Id, PersonId = ingrid.PersonId };
        // Reporting follows the events: wait until its log holds the published minutes that name her.
        await Eventually.UntilAsync(async () => await reporting.ListRecentEventsAsync(
                new ListRecentEventsRequest { NetworkId = network.Id, PageSize = 100 }, network.Secretariat, TestNetwork.Soon),
            r => r.ToString().Contains("MinutesPublished", StringComparison.Ordinal)
                && r.ToString().Contains("AttendanceRecorded", StringComparison.Ordinal), EventTimeout);
        var figuresBefore = await FiguresAsync(reporting, network);
        Assert.Contains(Name, await EverythingAsync(network, reporting, ingrid.PersonId, held.MeetingId));

        var erasure = await network.Persons.ErasePersonAsync(new ErasePersonRequest
        {
            NetworkId = network.Id, PersonId = ingrid.PersonId, Reason = "Left the network and asked to be forgotten",
        }, network.Secretariat, TestNetwork.Soon);
        // Every service follows PersonErased; reporting's log has it (the record of the erasure) once it has scrubbed.
        await Eventually.UntilAsync(async () => await EverythingAsync(network, reporting, ingrid.PersonId, held.MeetingId),
            all => !all.Contains(Name, StringComparison.Ordinal) && all.Contains("PersonErased", StringComparison.Ordinal), EventTimeout);
        await RebuildAsync(network);

        var after = await EverythingAsync(network, reporting, ingrid.PersonId, held.MeetingId);
        Assert.DoesNotContain(Name, after);
        Assert.DoesNotContain(Email, after);
        Assert.Contains("former participant", after);
        Assert.Contains("Marte Aasen", after);
        Assert.Equal(figuresBefore, await FiguresAsync(reporting, network));
        foreach (var service in new[] { "membership", "groups", "meetings", "reporting" })
        {
            Assert.Equal(0, await RowsNamingAsync(service, network.Id));
        }
        // Erasing again answers the first erasure.
        var again = await network.Persons.ErasePersonAsync(new ErasePersonRequest
        {
            NetworkId = network.Id, PersonId = ingrid.PersonId, Reason = "again",
        }, network.Secretariat, TestNetwork.Soon);
        Assert.Equal(erasure, again);
        var export = await reporting.ExportPersonalDataAsync(exportRequest, network.Secretariat, TestNetwork.Soon);
        Assert.Contains(export.Sections.Single(s => s.Service == "membership").Records,
            r => r.Kind == "person" && r.Data.ToString().Contains("Left the network", StringComparison.Ordinal));
    }

    private static async Task PublishMinutesAsync(TestNetwork network, string meetingId)
    {
        await network.Meetings.GenerateMinutesDraftAsync(new GenerateMinutesDraftRequest { NetworkId = network.Id, MeetingId = meetingId },
            network.Secretariat, TestNetwork.Soon);
        await network.Meetings.ApproveMinutesAsync(new ApproveMinutesRequest { NetworkId = network.Id, MeetingId = meetingId },
            network.Secretariat, TestNetwork.Soon);
        await network.Meetings.PublishMinutesAsync(new PublishMinutesRequest { NetworkId = network.Id, MeetingId = meetingId },
            network.Secretariat, TestNetwork.Soon);
    }

    /// <summary>The answers of every API and export that could show the person, as one text.</summary>
    private async Task<string> EverythingAsync(TestNetwork network, ReportingService.ReportingServiceClient reporting, string personId,
        string meetingId)
    {
        var (id, sec, soon) = (network.Id, network.Secretariat, TestNetwork.Soon);
        var all = new StringBuilder();
        void Add(IMessage message) => all.AppendLine(JsonFormatter.Default.Format(message));
        Add(await network.Persons.GetPersonAsync(new GetPersonRequest { NetworkId = id, PersonId = personId }, sec, soon));
        Add(await network.Persons.ListPersonsAsync(new ListPersonsRequest { NetworkId = id }, sec, soon));
        var directory = new DirectoryService.DirectoryServiceClient(platform.Membership.Channel);
        Add(await directory.SearchDirectoryAsync(new SearchDirectoryRequest { NetworkId = id }, sec, soon));
        foreach (var format in new[] { Membership.V1.ExportFormat.Csv, Membership.V1.ExportFormat.Vcard })
        {
            using var file = directory.ExportDirectory(new ExportDirectoryRequest { NetworkId = id, Format = format }, sec, soon);
            while (await file.ResponseStream.MoveNext())
            {
                all.Append(file.ResponseStream.Current.Data.ToStringUtf8());
            }
        }
        Add(await network.Groups.ListGroupsAsync(new ListGroupsRequest { NetworkId = id }, sec, soon));
        Add(await network.GetMeetingAsync(meetingId));
        Add(await network.Meetings.ListMeetingsAsync(new ListMeetingsRequest { NetworkId = id }, sec, soon));
        Add(await network.Meetings.ListActionItemsAsync(new ListActionItemsRequest { NetworkId = id }, sec, soon));
        var calendar = new PartnerCalendarService.PartnerCalendarServiceClient(platform.Meetings.Channel);
        Add(await calendar.ListCalendarEntriesAsync(new ListCalendarEntriesRequest
        {
            NetworkId = id, StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-30)),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        }, sec, soon));
        all.Append((await calendar.GetCalendarFeedAsync(new GetCalendarFeedRequest { NetworkId = id }, sec, soon)).Content);
        foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Csv })
        {
            all.Append((await reporting.GetAnnualReportAsync(new GetAnnualReportRequest
            {
                NetworkId = id, Year = DateTimeOffset.UtcNow.Year, Format = format,
            }, sec, soon)).Content);
        }
        Add(await reporting.ListRecentEventsAsync(new ListRecentEventsRequest { NetworkId = id, PageSize = 100 }, sec, soon));
        Add(await reporting.ExportPersonalDataAsync(new ExportPersonalDataRequest { NetworkId = id, PersonId = personId }, sec, soon));
        return all.ToString();
    }

    private static async Task<string> FiguresAsync(ReportingService.ReportingServiceClient reporting, TestNetwork network)
    {
        var health = await reporting.GetNetworkHealthAsync(
            new GetNetworkHealthRequest { NetworkId = network.Id, Year = DateTimeOffset.UtcNow.Year }, network.Secretariat,
            TestNetwork.Soon);
        // The figures, not when they were computed nor how many events the log holds (PersonErased is one more).
        health.ComputedAt = null;
        health.EventsSeen = 0;
        return JsonFormatter.Default.Format(health);
    }

    private async Task RebuildAsync(TestNetwork network)
    {
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);
        using var rebuild = reporting.RebuildProjections(new RebuildProjectionsRequest { NetworkId = network.Id },
            await platform.CallerAsync(network.Id, "operator"));
        RebuildProgress? last = null;
        while (await rebuild.ResponseStream.MoveNext())
        {
            last = rebuild.ResponseStream.Current;
        }
        Assert.True(last?.Done, "The rebuild did not finish.");
    }

    /// <summary>The service's stored documents and outbox messages of the network that still hold the name or address.</summary>
    private async Task<long> RowsNamingAsync(string service, string networkId)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseOf(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM documents
                    WHERE network_id = @network AND (strpos(body::text, @name) > 0 OR strpos(body::text, @email) > 0))
                 + (SELECT count(*) FROM outbox
                    WHERE network_id = @network AND (strpos(payload, @name) > 0 OR strpos(payload, @email) > 0))
            """, connection);
        command.Parameters.AddWithValue("network", networkId);
        command.Parameters.AddWithValue("name", Name);
        command.Parameters.AddWithValue("email", Email);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
