using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Hosting.Http;

/// <summary>
/// Checks the JSON body of a transcoded call against its request message before JSON transcoding reads it, and answers
/// 400 with a google.rpc.Status naming each bad field (unknown fields, wrong JSON types, unknown enum values, malformed
/// JSON). The transcoder itself ignores unknown fields and reports a wrong type without saying which field it was.
/// </summary>
internal sealed class JsonBodyCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var mapping = http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (mapping is null || mapping.HttpRule.Body.Length == 0
            || http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        http.Request.EnableBuffering();
        var violations = new List<BadRequest.Types.FieldViolation>();
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted).ConfigureAwait(false);
            var request = mapping.MethodDescriptor.InputType;
            if (mapping.HttpRule.Body == "*")
            {
                CheckMessage(body.RootElement, request, "", violations);
            }
            else if (request.FindFieldByName(mapping.HttpRule.Body) is { } field)
            {
                CheckField(body.RootElement, field, field.Name, violations);
            }
        }
        catch (JsonException e)
        {
            violations.Add(Violation("", $"The body is not valid JSON ({e.Message}); send one JSON object."));
        }
        http.Request.Body.Position = 0;
        if (violations.Count == 0)
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(RpcErrors.ToJson(RpcErrors.InvalidArgumentStatus(violations)), http.RequestAborted)
            .ConfigureAwait(false);
    }

    private static void CheckMessage(JsonElement json, MessageDescriptor message, string path,
        List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            violations.Add(Violation(path, $"Expected a JSON object ({message.Name}), got {Kind(json)}."));
            return;
        }
        foreach (var property in json.EnumerateObject())
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name || f.Name == property.Name);
            var fieldPath = Join(path, field?.Name ?? property.Name);
            if (field is null)
            {
                var known = string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName));
                violations.Add(Violation(fieldPath, $"Unknown field; {message.Name} has {known}."));
            }
            else
            {
                CheckField(property.Value, field, fieldPath, violations);
            }
        }
    }

    private static void CheckField(JsonElement json, FieldDescriptor field, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (field.IsMap)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                violations.Add(Violation(path, $"Expected a JSON object (a map), got {Kind(json)}."));
                return;
            }
            var value = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in json.EnumerateObject())
            {
                CheckValue(entry.Value, value, $"{path}[{entry.Name}]", violations);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                violations.Add(Violation(path, $"Expected a JSON array, got {Kind(json)}."));
                return;
            }
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                CheckValue(item, field, $"{path}[{index++}]", violations);
            }
            return;
        }
        CheckValue(json, field, path, violations);
    }

    /// <summary>One value of <paramref name="field"/>'s type, in the forms the proto3 JSON mapping accepts.</summary>
    private static void CheckValue(JsonElement json, FieldDescriptor field, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        string? problem = field.FieldType switch
        {
            FieldType.String or FieldType.Bytes => json.ValueKind == JsonValueKind.String ? null : $"Expected a string, got {Kind(json)}.",
            FieldType.Bool => json.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? null
                : $"Expected true or false, got {Kind(json)}.",
            FieldType.Double or FieldType.Float => IsNumber(json, integral: false) ? null : $"Expected a number, got {Kind(json)}.",
            FieldType.Enum => EnumProblem(json, field.EnumType),
            FieldType.Message or FieldType.Group => MessageProblem(json, field, path, violations),
            _ => IsNumber(json, integral: true) ? null : $"Expected a whole number, got {Kind(json)}.",
        };
        if (problem is not null)
        {
            violations.Add(Violation(path, problem));
        }
    }

    private static string? MessageProblem(JsonElement json, FieldDescriptor field, string path,
        List<BadRequest.Types.FieldViolation> violations)
    {
        switch (field.MessageType.FullName)
        {
            case "google.protobuf.Timestamp":
                return json.ValueKind == JsonValueKind.String
                    ? null
                    : $"Expected an RFC 3339 time string such as \"2026-03-01T09:00:00Z\", got {Kind(json)}.";
            case "google.protobuf.Duration" or "google.protobuf.FieldMask":
                return json.ValueKind == JsonValueKind.String ? null : $"Expected a string, got {Kind(json)}.";
            case "google.protobuf.Value":
                return null;
            case "google.protobuf.ListValue":
                return json.ValueKind == JsonValueKind.Array ? null : $"Expected a JSON array, got {Kind(json)}.";
            case "google.protobuf.Struct" or "google.protobuf.Any" or "google.protobuf.Empty":
                return json.ValueKind == JsonValueKind.Object ? null : $"Expected a JSON object, got {Kind(json)}.";
        }
        if (field.MessageType.File.Package == "google.protobuf" && field.MessageType.Name.EndsWith("Value", StringComparison.Ordinal))
        {
            // Wrappers (DoubleValue, StringValue...) are written as the value they wrap.
            CheckValue(json, field.MessageType.FindFieldByNumber(1), path, violations);
            return null;
        }
        CheckMessage(json, field.MessageType, path, violations);
        return null;
    }

    private static string? EnumProblem(JsonElement json, EnumDescriptor type) => json.ValueKind switch
    {
        JsonValueKind.Number => null,
        JsonValueKind.String when type.FindValueByName(json.GetString()!) is not null => null,
        JsonValueKind.String => $"Unknown value '{json.GetString()}'; use one of {string.Join(", ", type.Values.Select(v => v.Name))}.",
        _ => $"Expected an enum name (string), got {Kind(json)}.",
    };

    /// <summary>JSON numbers, and numbers in strings (how 64-bit integers, NaN and Infinity travel).</summary>
    private static bool IsNumber(JsonElement json, bool integral)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            return !integral || (json.TryGetDecimal(out var value) && value == decimal.Truncate(value));
        }
        if (json.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var text = json.GetString()!;
        return integral
            ? decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            : text is "NaN" or "Infinity" or "-Infinity" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static string Kind(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description };
}
