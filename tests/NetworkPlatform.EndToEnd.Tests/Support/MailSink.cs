using System.Text.Json;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>
/// The SMTP relay the meetings service mails its notices to (Notifications__Smtp__*): the meetings tests' independent
/// aiosmtpd sink, which writes every message it receives, as a mail client parses it, to a JSON file.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly string directory;
    private readonly PeerProcess server;

    private MailSink(string directory, int port, PeerProcess server)
    {
        this.directory = directory;
        Port = port;
        this.server = server;
    }

    public int Port { get; }

    public static async Task<MailSink> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var script = Path.Combine(AppContext.BaseDirectory, "tools", "smtp_sink.py");
        var server = await PythonServer.StartAsync(script, ["0", directory], []);
        var port = int.Parse((await server.WaitUntilReadyAsync(TimeSpan.Zero)).Split(' ')[1],
            System.Globalization.CultureInfo.InvariantCulture);
        return new MailSink(directory, port, server);
    }

    /// <summary>Every message received so far (envelope, headers, body, attachments; see smtp_sink.py).</summary>
    public async Task<IReadOnlyList<JsonElement>> ReceivedAsync()
    {
        var mails = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(directory, "*.json"))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            mails.Add(document.RootElement.Clone());
        }
        return mails;
    }

    /// <summary>What the sink printed, for failure messages.</summary>
    public string Log() => "--- smtp sink ---\n" + server.Output;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
