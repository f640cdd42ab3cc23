using System.Text;
using Google.Protobuf.Reflection;

namespace NetworkPlatform.Grpc.Codegen;

/// <summary>
/// The C# names protoc's csharp generator gives to proto elements (src/google/protobuf/compiler/csharp/csharp_helpers.cc),
/// so generated stubs refer to the message classes by their real names.
/// </summary>
internal sealed class CSharpNames
{
    private readonly Dictionary<string, string> typeNames = new(StringComparer.Ordinal);

    public CSharpNames(IEnumerable<FileDescriptorProto> files)
    {
        foreach (var file in files)
        {
            var ns = Namespace(file);
            foreach (var message in file.MessageType)
            {
                AddMessage(file.Package, ns, message, parentClass: null);
            }
        }
    }

    /// <summary>The fully qualified C# type (global::...) of a proto type name such as .networkplatform.membership.v1.Network.</summary>
    public string TypeName(string protoFullName) =>
        typeNames.TryGetValue(protoFullName, out var name)
            ? name
            : throw new InvalidOperationException($"Type {protoFullName} is not defined in the files given to protoc.");

    public static string Namespace(FileDescriptorProto file) =>
        file.Options?.HasCsharpNamespace == true ? file.Options.CsharpNamespace : UnderscoresToCamelCase(file.Package, capNextLetter: true, preservePeriod: true);

    public static string ReflectionClass(FileDescriptorProto file)
    {
        var baseName = file.Name[(file.Name.LastIndexOf('/') + 1)..];
        if (baseName.EndsWith(".proto", StringComparison.Ordinal))
        {
            baseName = baseName[..^".proto".Length];
        }
        return UnderscoresToCamelCase(baseName, capNextLetter: true, preservePeriod: false) + "Reflection";
    }

    public static string UnderscoresToCamelCase(string input, bool capNextLetter, bool preservePeriod)
    {
        var result = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capNextLetter ? char.ToUpperInvariant(c) : c);
                capNextLetter = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(i == 0 && !capNextLetter ? char.ToLowerInvariant(c) : c);
                capNextLetter = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capNextLetter = true;
            }
            else
            {
                capNextLetter = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }
        return result.ToString();
    }

    private void AddMessage(string protoScope, string ns, DescriptorProto message, string? parentClass)
    {
        var protoName = "." + (protoScope.Length == 0 ? message.Name : protoScope + "." + message.Name);
        var className = parentClass is null ? message.Name : parentClass + ".Types." + message.Name;
        typeNames[protoName] = "global::" + (ns.Length == 0 ? className : ns + "." + className);
        foreach (var nested in message.NestedType)
        {
            AddMessage(protoName[1..], ns, nested, className);
        }
    }
}
