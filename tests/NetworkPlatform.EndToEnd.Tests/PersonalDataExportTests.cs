using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Privacy.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 24: one call to reporting returns what each of the four services holds about a person, each service answering
/// for its own data (its own process and database; reporting's copy kept from the events on RabbitMQ), and records the
/// export; the same as a ZIP of JSON and CSV files.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class PersonalDataExportTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task a_persons_export_holds_what_every_service_keeps_about_them_and_nobody_elses_data()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        var marte = await network.ActiveRepresentativeAsync("Aasen skole", "Marte Aasen", "marte@aasen.example");
        await network.ActiveWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing", ingrid.PersonId);
        await network.AssignAsync("wg-digital", marte.PersonId, Groups.V1.Role.Member);
        await network.SetSecretariatAddressAsync();
        var held = await network.ScheduleAndInviteAsync("wg-digital", MeetingKind.StartUp, "Oppstartsmøte", DateTimeOffset.UtcNow.AddHours(-1));
        await network.RecordPresentAsync(held.MeetingId, ingrid, marte);
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);
        var request = new ExportPersonalDataRequest { NetworkId = network.Id, PersonId = ingrid.PersonId };

        // Reporting's part follows the events: wait until it holds her attendance.
        var export = await Eventually.UntilAsync(
            async () => await reporting.ExportPersonalDataAsync(request, network.Secretariat, TestNetwork.Soon),
            e => Kinds(e, "reporting").Contains("attendance"), EventTimeout);

        Assert.Equal(["membership", "groups", "meetings", "reporting"], export.Sections.Select(s => s.Service));
        Assert.Contains("person", Kinds(export, "membership"));
        Assert.Contains("representative_appointment", Kinds(export, "membership"));
        Assert.Contains("group_participant", Kinds(export, "groups"));
        Assert.Contains("meeting_invitation", Kinds(export, "meetings"));
        Assert.Contains("meeting_attendance", Kinds(export, "meetings"));
        Assert.Contains("logged_event", Kinds(export, "reporting"));
        var json = JsonFormatter.Default.Format(export);
        Assert.Contains("ingrid@fjordvik.example", json);
        Assert.DoesNotContain("marte@aasen.example", json);
        Assert.DoesNotContain("Marte Aasen", json);

        // Each export is recorded (who, when) and listed in the person's next one.
        var again = await reporting.ExportPersonalDataAsync(request, network.Secretariat, TestNetwork.Soon);
        Assert.Equal(Exports(export) + 1, Exports(again));
    }

    [Fact(Timeout = 120_000)]
    public async Task the_export_is_a_zip_of_json_and_csv_and_refuses_unknown_persons_and_other_roles()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);

        using var http = new HttpClient { BaseAddress = new Uri(platform["reporting"].HttpAddress) };
        using var download = new HttpRequestMessage(HttpMethod.Get,
            $"/v1/networks/{network.Id}/personalDataExports/{ingrid.PersonId}/download");
        download.Headers.Authorization = AuthenticationHeaderValue.Parse(network.Secretariat.GetValue("authorization")!);
        using var response = await http.SendAsync(download);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{platform.Logs()}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Contains("export.json", zip.Entries.Select(e => e.FullName));
        using var persons = new StreamReader(zip.GetEntry("membership/person.csv")!.Open());
        var csv = await persons.ReadToEndAsync();
        Assert.StartsWith("\"name\",", csv);
        Assert.Contains("\"ingrid@fjordvik.example\"", csv);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await reporting.ExportPersonalDataAsync(
            new ExportPersonalDataRequest { NetworkId = network.Id, PersonId = "per-nobody" }, network.Secretariat, TestNetwork.Soon));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var reader = await platform.CallerAsync(network.Id, "dashboard-reader");
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await reporting.ExportPersonalDataAsync(
            new ExportPersonalDataRequest { NetworkId = network.Id, PersonId = ingrid.PersonId }, reader, TestNetwork.Soon));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    private static int Exports(PersonalDataExport export) =>
        export.Sections.Single(s => s.Service == "reporting").Records.Count(r => r.Kind == "personal_data_export");

    private static List<string> Kinds(PersonalDataExport export, string service) =>
        [.. export.Sections.Single(s => s.Service == service).Records.Select(r => r.Kind).Distinct()];
}
