using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application.PersonalData;
using V1 = NetworkPlatform.Privacy.V1;

namespace NetworkPlatform.Hosting.Api;

/// <summary>networkplatform.privacy.v1 &lt;-&gt; the personal-data export records, for every service.</summary>
public static class PersonalDataMapping
{
    /// <summary>The records as the services' JSON shows them: camelCase, enums by name.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A record's data as JSON: camelCase, enums by name (a peer's data is JSON already).</summary>
    public static JsonElement ToJson(object data) =>
        data as JsonElement? ?? JsonSerializer.SerializeToElement(data, data.GetType(), Json);

    public static ExportPersonalDataQuery ToQuery(V1.ExportPersonalDataRequest request) => new(request.NetworkId, request.PersonId);

    public static V1.PersonalDataSection ToProto(PersonalDataSection section) => new()
    {
        Service = section.Service,
        Records =
        {
            section.Records.Select(r => new V1.PersonalDataRecord
            {
                Kind = r.Kind,
                Name = r.Name,
                Data = Struct.Parser.ParseJson(ToJson(r.Data).GetRawText()),
            })
        },
    };

    public static V1.PersonalDataExport ToProto(PersonalDataExport export) => new()
    {
        NetworkId = export.NetworkId,
        PersonId = export.PersonId,
        ExportTime = Timestamp.FromDateTimeOffset(export.ExportedAt),
        Sections = { export.Sections.Select(ToProto) },
    };

    /// <summary>A peer's section, its records' data as JSON elements (serialised again as they came).</summary>
    public static PersonalDataSection FromProto(V1.PersonalDataSection section) => new(section.Service,
        [.. section.Records.Select(r => new PersonalDataRecord(r.Kind, r.Name,
            JsonSerializer.Deserialize<JsonElement>(JsonFormatter.Default.Format(r.Data))))]);
}
