using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Reporting.Features.PersonalData;

namespace NetworkPlatform.Reporting.Api;

/// <summary>
/// A person's export as a ZIP download on the HTTP port (GET /v1/networks/{networkId}/personalDataExports/{personId}/download,
/// with the bearer token): export.json (what ExportPersonalData answers) and one CSV per service and kind of record, a row
/// per record (its name, then its fields; nested values as JSON).
/// </summary>
public static class PersonalDataDownload
{
    public static WebApplication MapPersonalDataDownload(this WebApplication app)
    {
        app.MapGet("/v1/networks/{networkId}/personalDataExports/{personId}/download", DownloadAsync)
            .RequireAuthorization(PlatformAuthentication.CallerPolicy);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string networkId, string personId, HttpContext http, ExportPersonalData export)
    {
        PersonalDataExport result;
        try
        {
            result = await export.RunAsync(new ExportPersonalDataQuery(networkId, personId), http.GetCaller(), http.RequestAborted);
        }
        catch (Exception e) when (ErrorMapping.ToRpcException(e) is { } refused)
        {
            return Results.Problem(refused.Status.Detail, statusCode: HttpStatusOf(refused.StatusCode),
                title: refused.StatusCode.ToString());
        }
        return Results.File(Zip(result), "application/zip", $"personal-data-{personId}.zip");
    }

    private static byte[] Zip(PersonalDataExport export)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "export.json", JsonFormatter.Default.Format(PersonalDataMapping.ToProto(export)));
            foreach (var section in export.Sections)
            {
                foreach (var kind in section.Records.GroupBy(r => r.Kind))
                {
                    Write(zip, $"{section.Service}/{kind.Key}.csv", Csv([.. kind]));
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>One row per record: its name, then each top-level field of its JSON (nested objects and lists as JSON).</summary>
    private static string Csv(IReadOnlyList<PersonalDataRecord> records)
    {
        var rows = records.Select(r => (r.Name, Fields: PersonalDataMapping.ToJson(r.Data))).ToList();
        var columns = rows.SelectMany(r => r.Fields.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        var csv = new StringBuilder().AppendLine(string.Join(",", columns.Prepend("name").Select(Quote)));
        foreach (var (name, fields) in rows)
        {
            var values = columns.Select(c => fields.TryGetProperty(c, out var value) ? Text(value) : "");
            csv.AppendLine(string.Join(",", values.Prepend(name).Select(Quote)));
        }
        return csv.ToString();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Write(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>The HTTP status google.api.http gives each gRPC status (as JSON transcoding answers).</summary>
    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Unavailable => 503,
        StatusCode.DeadlineExceeded => 504,
        _ => 500,
    };
}
