using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace NetworkPlatform.Testing;

/// <summary>
/// The embedded OpenID Connect issuer (services/Identity) as its own process, as `make up` runs it: `dotnet
/// NetworkPlatform.Identity.dll` configured through environment variables, SQLite in a folder of its own, listening on the
/// loopback port it got (read from its log), ready once /healthz/ready answers. Its issuer URL is the address it is called at.
/// Each of <c>serviceClients</c> is registered as a service client with a secret in <see cref="SecretFile"/>. Commands
/// (`invite`, `register-client`, ...) run against the same database. Test projects using it reference
/// services/Identity with ReferenceOutputAssembly="false", so it is built first.
/// </summary>
public sealed partial class IssuerProcess : IAsyncDisposable
{
    /// <summary>The platform's API, the audience of the issuer's tokens (Auth__Audience of the services).</summary>
    public const string Audience = "networkplatform";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly PeerProcess process;
    private readonly Dictionary<string, string> environment;

    private IssuerProcess(string directory, Dictionary<string, string> environment, PeerProcess process, int port)
    {
        Directory = directory;
        this.environment = environment;
        this.process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri(Authority), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The issuer's URL: Auth__Authority of the services that accept its tokens.</summary>
    public string Authority => $"http://127.0.0.1:{Port}/";

    public HttpClient Http { get; }

    public string SecretFile(string clientId) => Path.Combine(Directory, "secrets", clientId);

    public string Secret(string clientId) => File.ReadAllText(SecretFile(clientId));

    /// <summary>Everything the issuer logged so far.</summary>
    public string Output => process.Output;

    public string Log(int lines = 80) => "--- last lines of the issuer's log ---\n" + string.Join('\n', Output.Split('\n').TakeLast(lines));

    /// <param name="serviceClients">Client ids registered as services (client credentials), each with a fresh secret.</param>
    /// <param name="settings">More Identity__* (and other) settings, e.g. token lifetimes or the demo's people.</param>
    public static async Task<IssuerProcess> StartAsync(IEnumerable<string>? serviceClients = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("np-issuer-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "secrets"));
        var environment = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage__Provider"] = "sqlite",
            ["Storage__DataDirectory"] = directory,
            ["Logging__Format"] = "text",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (clientId, index) in (serviceClients ?? []).Select((c, i) => (c, i.ToString(CultureInfo.InvariantCulture))))
        {
            var secretFile = Path.Combine(directory, "secrets", clientId);
            await File.WriteAllTextAsync(secretFile,
                Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            environment[$"Identity__Clients__{index}__ClientId"] = clientId;
            environment[$"Identity__Clients__{index}__Kind"] = "service";
            environment[$"Identity__Clients__{index}__SecretFile"] = secretFile;
        }
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        var process = PeerProcess.Start("dotnet", [Dll()], environment);
        try
        {
            var port = await ListeningPortAsync(process);
            var issuer = new IssuerProcess(directory, environment, process, port);
            await issuer.WaitUntilReadyAsync();
            return issuer;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The settings of a service that accepts this issuer's tokens and calls its peers as <paramref name="clientId"/> (when given).
    /// </summary>
    public Dictionary<string, string?> ServiceSettings(string? clientId = null)
    {
        var settings = new Dictionary<string, string?> { ["Auth:Authority"] = Authority, ["Auth:Audience"] = Audience };
        if (clientId is not null)
        {
            settings["Auth:ClientId"] = clientId;
            settings["Auth:ClientSecretFile"] = SecretFile(clientId);
        }
        return settings;
    }

    /// <summary>
    /// POSTs <paramref name="form"/> to the token endpoint as <paramref name="clientId"/> (HTTP Basic); the status and the JSON answer.
    /// </summary>
    public Task<(int Status, JsonElement Body)> TokenAsync(string clientId, string secret, params (string Name, string Value)[] form) =>
        PostAsync("connect/token", clientId, secret, form);

    /// <summary>
    /// A client credentials access token of <paramref name="clientId"/> (a service naming <paramref name="networkId"/>); fails with the
    /// issuer's answer.
    /// </summary>
    public Task<string> ClientTokenAsync(string clientId, string? networkId = null, string? secret = null) =>
        ClientTokenAsync(Http, clientId, secret ?? Secret(clientId), networkId);

    public Task<(int Status, JsonElement Body)> PostAsync(string path, string clientId, string? secret,
        params (string Name, string Value)[] form) =>
        PostAsync(Http, path, clientId, secret, form);

    /// <summary>
    /// A caller of <paramref name="networkId"/> with <paramref name="role"/> (and <paramref name="organisationId"/>) as call
    /// metadata: a partner client registered for them (once) and its token.
    /// </summary>
    public Task<Metadata> CallerAsync(string networkId, string role, string? organisationId = null) =>
        CallerAsync(Http, environment, networkId, role, organisationId);

    /// <summary>
    /// <see cref="CallerAsync(string, string, string?)"/> at an issuer started elsewhere (make up's): <paramref name="issuer"/>
    /// addresses it, <paramref name="storage"/> holds the Storage__* settings of its database.
    /// </summary>
    public static async Task<Metadata> CallerAsync(HttpClient issuer, IReadOnlyDictionary<string, string> storage, string networkId,
        string role, string? organisationId = null)
    {
        var clientId = $"caller-{networkId}-{role}" + (organisationId is null ? "" : "-" + organisationId);
        string[] organisation = organisationId is null ? [] : ["--organisation", organisationId];
        var registered = await RunAsync(storage,
            ["register-client", "--client-id", clientId, "--kind", "partner", "--network", networkId, "--roles", role, .. organisation]);
        var token = await ClientTokenAsync(issuer, clientId, Printed(registered, "client_secret"), networkId: null);
        return new Metadata { { "authorization", "Bearer " + token } };
    }

    private static async Task<string> ClientTokenAsync(HttpClient issuer, string clientId, string secret, string? networkId)
    {
        (string, string)[] form = networkId is null
            ? [("grant_type", "client_credentials")]
            : [("grant_type", "client_credentials"), ("network_id", networkId)];
        var (status, body) = await PostAsync(issuer, "connect/token", clientId, secret, form);
        return status == 200
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The issuer answered {status}: {body}");
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient issuer, string path, string clientId, string? secret,
        (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Concat(secret is null ? [KeyValuePair.Create("client_id", clientId)] : [])),
        };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        }
        using var response = await issuer.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Runs an administration command (`invite`, `register-client`, ...) on this issuer's database; its standard output.</summary>
    public Task<string> RunAsync(params string[] command) => RunAsync(environment, command);

    private static async Task<string> RunAsync(IReadOnlyDictionary<string, string> settings, string[] command)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll());
        foreach (var argument in command)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }
        using var run = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return run.ExitCode == 0
            ? await output
            : throw new InvalidOperationException(
                $"`identity {string.Join(' ', command)}` exited with {run.ExitCode}:\n{await output}{await errors}");
    }

    /// <summary>The value printed after <paramref name="label"/> by a command (e.g. client_secret).</summary>
    public static string Printed(string output, string label) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(label + " ", StringComparison.Ordinal))[label.Length..].Trim();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string Dll()
    {
        // The test's own output folder names the configuration (debug or release) the issuer was built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = RepositoryPaths.Combine("artifacts", "bin", "NetworkPlatform.Identity", configuration, "NetworkPlatform.Identity.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} does not exist: reference services/Identity from the test project so it is built.");
    }

    private static async Task<int> ListeningPortAsync(PeerProcess process)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ListeningOn().Match(process.Output) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The issuer exited with code {process.ExitCode} while starting:\n{process.Output}");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The issuer did not listen within {StartTimeout}:\n{process.Output}");
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync("healthz/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The issuer was not ready within {StartTimeout}.\n{Log()}");
            }
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
