using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>YAML to JSON with YAML 1.2 core-schema typing of plain scalars (what kubectl does on apply).</summary>
public static partial class YamlJson
{
    public static string ToJsonArray(string yamlText)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yamlText);
        stream.Load(reader);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var document in stream.Documents.Where(d => d.RootNode is YamlMappingNode))
            {
                Write(json, document.RootNode);
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, node);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                json.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    json.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(json, item);
                }
                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(json, scalar);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            json.WriteStringValue(text);
        }
        else if (text is "null" or "~" or "")
        {
            json.WriteNullValue();
        }
        else if (text is "true" or "false")
        {
            json.WriteBooleanValue(text == "true");
        }
        else if (IntegerPattern().IsMatch(text))
        {
            json.WriteNumberValue(long.Parse(text, CultureInfo.InvariantCulture));
        }
        else if (FloatPattern().IsMatch(text))
        {
            json.WriteNumberValue(double.Parse(text, CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
