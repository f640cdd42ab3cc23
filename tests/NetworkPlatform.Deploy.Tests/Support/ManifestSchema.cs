using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>
/// The schema validator in Schema/ (node): kubernetes-models' OpenAPI validators plus a strict TypeScript type
/// check of every object. Its npm packages (which also bring Envoy's API protos, see EnvoySchema) are installed
/// from the committed lock file into artifacts/ on first use.
/// </summary>
public static class ManifestSchema
{
    private static readonly Lazy<string> Directory = new(Install);

    /// <summary>The installed schema tools (node_modules, validate.mjs, validate-envoy.py).</summary>
    public static string InstalledDirectory => Directory.Value;

    public static ProcessResult Validate(RenderedOverlay overlay)
    {
        var work = Path.Combine(Directory.Value, "work", overlay.Name.Replace('/', '-'));
        System.IO.Directory.CreateDirectory(work);
        var objects = Path.Combine(work, "objects.json");
        File.WriteAllText(objects, YamlJson.ToJsonArray(overlay.Yaml));
        return Processes.Run(Node(), [Path.Combine(Directory.Value, "validate.mjs"), objects, Path.Combine(work, "typecheck")],
            TimeSpan.FromMinutes(2), workingDirectory: Directory.Value);
    }

    private static string Node() => Processes.OnPath("node") ?? throw new Xunit.Sdk.XunitException(
        "node is not on PATH: tests/tools/install-deps.sh installs nodejs and npm (run `make test`).");

    private static string Install()
    {
        var source = RepositoryPaths.Combine("tests", "NetworkPlatform.Deploy.Tests", "Schema");
        var target = RepositoryPaths.Combine("artifacts", "deploy-schema");
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in new[] { "package.json", "validate.mjs", "crds.ts", "validate-envoy.py" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }
        // npm ci only when the lock file changed since the last install.
        var lockFile = File.ReadAllText(Path.Combine(source, "package-lock.json"));
        var installedLock = Path.Combine(target, "installed-package-lock.json");
        if (!File.Exists(installedLock) || File.ReadAllText(installedLock) != lockFile
            || !System.IO.Directory.Exists(Path.Combine(target, "node_modules", "kubernetes-models")))
        {
            File.WriteAllText(Path.Combine(target, "package-lock.json"), lockFile);
            var npm = Processes.OnPath("npm") ?? throw new Xunit.Sdk.XunitException(
                "npm is not on PATH: tests/tools/install-deps.sh installs nodejs and npm (run `make test`).");
            var result = Processes.Run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5), workingDirectory: target);
            if (result.ExitCode != 0)
            {
                throw new Xunit.Sdk.XunitException($"npm ci in {target} failed (the npm registry must be reachable):\n{result.Combined}");
            }
            File.WriteAllText(installedLock, lockFile);
        }
        return target;
    }
}
