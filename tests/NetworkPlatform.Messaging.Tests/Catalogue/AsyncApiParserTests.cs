using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit.Serialization;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Catalogue;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Catalogue;

/// <summary>
/// docs/events/asyncapi.json as a consumer's tools read it: @asyncapi/parser (npm, installed from the committed lock file
/// into artifacts/ on first use) accepts the whole document, and a sample of every event, serialized as the bus writes
/// it, validates against its message's payload inside the whole document (references resolved from its root).
/// </summary>
public sealed class AsyncApiParserTests
{
    private static readonly Lazy<string> Installed = new(Install);

    [Fact]
    public void the_parser_accepts_the_document_and_a_sample_of_every_event_validates_inside_it()
    {
        var types = EventTypes.FindIn(typeof(IDomainEvent).Assembly).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var options = WireFormat.Configure(new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options));
        var samples = new JsonArray([.. types.Select(type => (JsonNode)new JsonObject
        {
            ["message"] = type.FullName,
            ["body"] = new JsonObject
            {
                ["messageId"] = Guid.NewGuid().ToString(),
                ["conversationId"] = Guid.NewGuid().ToString(),
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["destinationAddress"] = $"rabbitmq://rabbitmq/{EventTopology.ExchangeName(type)}",
                ["messageType"] = new JsonArray($"urn:message:{EventTopology.ExchangeName(type)}"),
                ["sentTime"] = DateTime.UtcNow.ToString("O"),
                ["headers"] = new JsonObject { ["NP-Aggregate"] = "network-1/a-1" },
                ["message"] = JsonSerializer.SerializeToNode(SampleEvents.Of(type), type, options),
            },
        })]);
        var samplesFile = Path.Combine(Installed.Value, "samples.json");
        File.WriteAllText(samplesFile, samples.ToJsonString());

        var (exitCode, output) = Run("node", [Path.Combine(Installed.Value, "validate.mjs"),
            RepositoryPaths.Combine(AsyncApiCatalogue.RelativePath.Split('/')), samplesFile]);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{types.Count} messages in the document, {types.Count} samples checked", output, StringComparison.Ordinal);
    }

    [Fact]
    public void a_sample_that_breaks_its_schema_is_reported()
    {
        var type = typeof(NetworkPlatform.Events.Membership.PersonRegistered);
        var samplesFile = Path.Combine(Installed.Value, "broken-samples.json");
        File.WriteAllText(samplesFile, new JsonArray(new JsonObject
        {
            ["message"] = type.FullName,
            ["body"] = new JsonObject { ["messageId"] = "not-a-uuid", ["messageType"] = new JsonArray(), ["message"] = new JsonObject() },
        }).ToJsonString());

        var (exitCode, output) = Run("node", [Path.Combine(Installed.Value, "validate.mjs"),
            RepositoryPaths.Combine(AsyncApiCatalogue.RelativePath.Split('/')), samplesFile]);

        Assert.Equal(1, exitCode);
        Assert.Contains(type.FullName!, output, StringComparison.Ordinal);
    }

    private static string Install()
    {
        var source = RepositoryPaths.Combine("tests", "NetworkPlatform.Messaging.Tests", "Catalogue", "AsyncApiParser");
        var target = RepositoryPaths.Combine("artifacts", "asyncapi-parser");
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "package.json", "validate.mjs" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }
        // npm ci only when the lock file changed since the last install.
        var lockFile = File.ReadAllText(Path.Combine(source, "package-lock.json"));
        var installedLock = Path.Combine(target, "installed-package-lock.json");
        if (!File.Exists(installedLock) || File.ReadAllText(installedLock) != lockFile
            || !Directory.Exists(Path.Combine(target, "node_modules", "@asyncapi", "parser")))
        {
            File.WriteAllText(Path.Combine(target, "package-lock.json"), lockFile);
            var (exitCode, output) = Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], target);
            Assert.True(exitCode == 0, $"npm ci in {target} failed (the npm registry must be reachable; tests/tools/install-deps.sh "
                + $"installs node and npm):\n{output}");
            File.WriteAllText(installedLock, lockFile);
        }
        return target;
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within 5 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>An instance of any event record with a plausible value in every field (one item in every list).</summary>
internal static class SampleEvents
{
    public static object Of(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => ValueOf(p.ParameterType, p.Name!,
            type.GetProperty(p.Name!)?.GetCustomAttributes(typeof(AllowedValuesAttribute), false) is [AllowedValuesAttribute allowed]
                ? allowed.Values[^1] : null))]);
    }

    private static object? ValueOf(Type type, string name, object? allowed = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when allowed is not null => allowed,
            _ when underlying == typeof(string) => $"{name}-1",
            _ when underlying == typeof(Guid) => Guid.NewGuid(),
            _ when underlying == typeof(DateTimeOffset) => DateTimeOffset.UtcNow,
            _ when underlying == typeof(DateOnly) => DateOnly.FromDateTime(DateTime.UtcNow),
            _ when underlying == typeof(int) => 1,
            _ when underlying == typeof(long) => 1L,
            _ when underlying == typeof(decimal) => 12.5m,
            _ when underlying == typeof(bool) => true,
            { IsEnum: true } => Enum.GetValues(underlying).GetValue(0),
            { IsGenericType: true } when underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => ListOf(underlying, name),
            _ => Of(underlying),
        };
    }

    private static object ListOf(Type listType, string name)
    {
        var itemType = listType.GetGenericArguments()[0];
        var list = Array.CreateInstance(itemType, 1);
        list.SetValue(ValueOf(itemType, name), 0);
        return list;
    }
}
