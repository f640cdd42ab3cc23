using System.Reflection;

namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The dashboard's page, styles and script bundle (Dashboard/web, bundled by esbuild at build time), embedded in this assembly
/// and read once: the page loads nothing from outside, so it works offline.
/// </summary>
internal static class DashboardAssets
{
    public const string Page = "dashboard/index.html";
    public const string Styles = "dashboard/dashboard.css";
    public const string Script = "dashboard/dashboard.js";

    private static readonly Dictionary<string, byte[]> Contents = new[] { Page, Styles, Script }.ToDictionary(name => name, Read);

    public static IResult Serve(string name, string contentType) => Results.Bytes(Contents[name], contentType);

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The dashboard's {name} is not embedded: build the reporting project (it bundles it).");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
