using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace NetworkPlatform.Grpc.Reflection;

/// <summary>The proto files behind the served services and everything they import, by file name and by fully qualified symbol.</summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> symbols = new(StringComparer.Ordinal);

    public DescriptorIndex(IEnumerable<ServiceDescriptor> services)
    {
        ServiceNames = services.Select(s => s.FullName).ToArray();
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFile(string fileName) => files.GetValueOrDefault(fileName);

    /// <summary>The file defining a service, method, message, enum or field (e.g. pkg.Service, pkg.Service.Method, pkg.Message.Nested).</summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) => symbols.GetValueOrDefault(symbol);

    public MessageDescriptor? FindMessage(string fullName) =>
        symbols.GetValueOrDefault(fullName)?.MessageTypes.SelectMany(Flatten).FirstOrDefault(m => m.FullName == fullName);

    /// <summary>The file first, then every file it imports, transitively, each once: what a reflection client needs to build the descriptors.</summary>
    public IEnumerable<ByteString> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }
            yield return next.SerializedData;
            foreach (var dependency in next.Dependencies)
            {
                pending.Push(dependency);
            }
        }
    }

    private void AddFile(FileDescriptor file)
    {
        if (!files.TryAdd(file.Name, file))
        {
            return;
        }
        foreach (var service in file.Services)
        {
            symbols.TryAdd(service.FullName, file);
            foreach (var method in service.Methods)
            {
                symbols.TryAdd(method.FullName, file);
            }
        }
        foreach (var message in file.MessageTypes.SelectMany(Flatten))
        {
            symbols.TryAdd(message.FullName, file);
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                symbols.TryAdd(field.FullName, file);
            }
            foreach (var nestedEnum in message.EnumTypes)
            {
                symbols.TryAdd(nestedEnum.FullName, file);
            }
        }
        foreach (var enumType in file.EnumTypes)
        {
            symbols.TryAdd(enumType.FullName, file);
        }
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        message.NestedTypes.SelectMany(Flatten).Prepend(message);
}
