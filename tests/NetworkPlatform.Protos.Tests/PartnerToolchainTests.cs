using System.Diagnostics;
using System.Reflection;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Protos.Tests;

/// <summary>
/// Partners generate stubs from protos/ with their own toolchains. README names the oldest one we keep working:
/// python3 -m grpc_tools.protoc from Debian's python3-grpc-tools (protoc 3.5.1, which predates proto3 `optional`).
/// </summary>
public sealed class PartnerToolchainTests
{
    private static readonly string GoogleApiProtos = typeof(PartnerToolchainTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GoogleApiProtos").Value!;

    [Fact]
    public void every_proto_compiles_with_debians_grpc_tools_and_the_python_stubs_import()
    {
        var protos = RepositoryPaths.Combine("protos");
        var files = Directory.EnumerateFiles(Path.Combine(protos, "networkplatform"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(protos, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var output = Directory.CreateTempSubdirectory("np-partner-stubs-").FullName;
        try
        {
            // The README's command: google/api/{http,annotations}.proto come from the googleapis protos, as for any partner.
            var compiled = Run(["-m", "grpc_tools.protoc", "-I" + protos, "-I" + GoogleApiProtos, "--python_out=" + output,
                "--grpc_python_out=" + output, "google/api/http.proto", "google/api/annotations.proto", .. files], output);
            Assert.True(compiled.ExitCode == 0, $"grpc_tools.protoc failed (is python3-grpc-tools installed?):\n{compiled.Error}");

            var modules = files.SelectMany(f => new[] { "_pb2", "_pb2_grpc" }.Select(suffix => f[..^".proto".Length].Replace('/', '.') + suffix)).ToList();
            var script = "import importlib, sys\n"
                + "for name in sys.argv[1:]:\n    importlib.import_module(name)\n"
                + "from networkplatform.groups.v1 import groups_service_pb2_grpc\n"
                + "print(len(sys.argv) - 1, 'modules,', groups_service_pb2_grpc.GroupsServiceStub.__name__)\n";
            var imported = Run(["-c", script, .. modules], output);

            Assert.True(imported.ExitCode == 0, $"The generated Python stubs do not import:\n{imported.Error}");
            Assert.Contains($"{modules.Count} modules, GroupsServiceStub", imported.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, string pythonPath)
    {
        var start = new ProcessStartInfo(PythonServer.Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PYTHONPATH"] = pythonPath, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 did not finish within 2 minutes.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
