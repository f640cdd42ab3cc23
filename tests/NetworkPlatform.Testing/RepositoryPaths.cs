namespace NetworkPlatform.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds NetworkPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetworkPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No NetworkPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
