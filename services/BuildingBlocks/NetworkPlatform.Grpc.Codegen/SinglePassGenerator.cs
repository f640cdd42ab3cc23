using System.Text;
using Google.Protobuf.Reflection;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace NetworkPlatform.Grpc.Codegen;

/// <summary>
/// Writes {File}SinglePass.cs: ISinglePassMessage for every top-level proto3 message whose fields are all singular scalars
/// (varint kinds), strings, bytes, enums or maps. Other messages (nested, repeated, sub-messages, oneofs, optional,
/// fixed/float kinds) keep Google.Protobuf's writer only.
/// </summary>
internal static class SinglePassGenerator
{
    private static readonly HashSet<string> MemberNamesProtocRenames = ["Types", "Descriptor", "Parser", "Equals", "ToString", "GetHashCode", "Clone", "CalculateSize", "MergeFrom", "WriteTo"];

    public static string? GenerateFile(FileDescriptorProto file)
    {
        if (file.Syntax != "proto3")
        {
            return null;
        }
        var messages = file.MessageType.Where(IsSupported).ToList();
        if (messages.Count == 0)
        {
            return null;
        }
        var code = StubGenerator.StartFile(file);
        foreach (var message in messages)
        {
            code.AppendLine();
            code.AppendLine($"partial class {message.Name} : global::NetworkPlatform.Grpc.ISinglePassMessage");
            code.AppendLine("{");
            code.AppendLine("    bool global::NetworkPlatform.Grpc.ISinglePassMessage.TryWriteTo(global::System.Span<byte> destination, out int written)");
            code.AppendLine("    {");
            code.AppendLine("        written = 0;");
            code.AppendLine("        if (_unknownFields != null) return false;");
            foreach (var field in message.Field.Where(f => IsMap(message, f)))
            {
                code.AppendLine($"        if ({PropertyName(field)}.Count != 0) return false;");
            }
            code.AppendLine("        var writer = new global::NetworkPlatform.Grpc.SinglePassWriter(destination);");
            foreach (var field in message.Field.Where(f => !IsMap(message, f)).OrderBy(f => f.Number))
            {
                code.AppendLine("        " + WriteField(field));
            }
            code.AppendLine("        written = writer.Position;");
            code.AppendLine("        return true;");
            code.AppendLine("    }");
            code.AppendLine("}");
        }
        return code.ToString();
    }

    private static bool IsSupported(DescriptorProto message) =>
        message.Field.All(f => IsMap(message, f) || (f.Label == Label.Optional && !f.HasOneofIndex && !f.Proto3Optional && WireType(f.Type) is not null))
        && message.Field.All(f => PropertyName(f) != message.Name && !MemberNamesProtocRenames.Contains(PropertyName(f)));

    private static bool IsMap(DescriptorProto message, FieldDescriptorProto field) =>
        field.Label == Label.Repeated && field.Type == Type.Message
        && message.NestedType.Any(n => n.Options?.MapEntry == true && field.TypeName.EndsWith("." + message.Name + "." + n.Name, StringComparison.Ordinal));

    private static int? WireType(Type type) => type switch
    {
        Type.Int32 or Type.Int64 or Type.Uint32 or Type.Uint64 or Type.Bool or Type.Enum => 0,
        Type.String or Type.Bytes => 2,
        _ => null,
    };

    private static string WriteField(FieldDescriptorProto field)
    {
        var property = PropertyName(field);
        var tag = ((uint)field.Number << 3) | (uint)WireType(field.Type)!.Value;
        var write = field.Type switch
        {
            Type.String => $"if ({property}.Length != 0 && !writer.TryWriteString({tag}u, {property}))",
            Type.Bytes => $"if ({property}.Length != 0 && !writer.TryWriteBytes({tag}u, {property}.Span))",
            Type.Bool => $"if ({property} && !writer.TryWriteBool({tag}u, true))",
            // int32 and enums are sign-extended to 64 bits, as protobuf writes negative values (10 bytes).
            Type.Int32 => $"if ({property} != 0 && !writer.TryWriteVarint({tag}u, (ulong)(long){property}))",
            Type.Enum => $"if ((int){property} != 0 && !writer.TryWriteVarint({tag}u, (ulong)(long)(int){property}))",
            Type.Int64 => $"if ({property} != 0 && !writer.TryWriteVarint({tag}u, (ulong){property}))",
            _ => $"if ({property} != 0 && !writer.TryWriteVarint({tag}u, {property}))",
        };
        return write + " return false;";
    }

    private static string PropertyName(FieldDescriptorProto field) =>
        CSharpNames.UnderscoresToCamelCase(field.Name, capNextLetter: true, preservePeriod: false);
}
