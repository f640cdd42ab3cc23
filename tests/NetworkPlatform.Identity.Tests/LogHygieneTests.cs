using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Identity.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// No secret, code or token ever appears in a log line, at any level: the issuer's (its process output, Debug and up)
/// and a service's (everything it logs, Trace and up) while clients get tokens, sign in, refresh, revoke, and present
/// good, bad and revoked tokens.
/// </summary>
public sealed class LogHygieneTests
{
    [Fact]
    public async Task neither_the_issuer_nor_a_service_logs_a_secret_or_a_token()
    {
        var demoSecrets = Directory.CreateTempSubdirectory("np-demo-").FullName;
        var settings = Demo.Settings(demoSecrets);
        settings["Logging__LogLevel__Default"] = "Debug";
        await using var issuer = await IssuerProcess.StartAsync(["service-a"], settings);
        var serviceLog = new CapturedLog();
        var serviceSettings = issuer.ServiceSettings("service-a");
        serviceSettings["Auth:RevocationCheckInterval"] = "00:00:00.200";
        await using var service = await EchoHost.StartAsync(serviceSettings, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(serviceLog);
        });
        var flow = await CodeFlow.RegisterAsync(issuer, "test-app");
        var secrets = new List<string>
        {
            issuer.Secret("service-a"), File.ReadAllText(Path.Combine(demoSecrets, Demo.PartnerClient + ".secret")).Trim(),
        };

        var serviceToken = await issuer.ClientTokenAsync("service-a", "net-1");
        await service.EchoAsync("Bearer " + serviceToken);
        await issuer.TokenAsync("service-a", "not-the-secret-" + issuer.Secret("service-a"), ("grant_type", "client_credentials"),
            ("network_id", "net-1"));
        secrets.Add("not-the-secret-" + issuer.Secret("service-a"));
        var partnerToken = await issuer.ClientTokenAsync(Demo.PartnerClient, secret: secrets[1]);
        var code = await flow.SignInWithoutBrowserAsync("ada");
        var (_, tokens) = await flow.ExchangeAsync(code);
        var (_, refreshed) = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var accessToken = refreshed.GetProperty("access_token").GetString()!;
        await service.EchoAsync("Bearer " + accessToken);
        await flow.RevokeAsync(accessToken, "access_token");
        await Task.Delay(400);
        await Assert.ThrowsAsync<RpcException>(() => service.EchoAsync("Bearer " + accessToken));
        var invitation = await issuer.RunAsync("invite", "--issuer", issuer.Authority, "--login", "dora@example.org", "--name", "Dora",
            "--network", "net-1", "--roles", "secretariat");
        var link = invitation.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        Assert.Contains("Choose your password", await issuer.Http.GetStringAsync(link), StringComparison.Ordinal);
        secrets.Add(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        var tampered = partnerToken[..^4] + "AAAA";
        await Assert.ThrowsAsync<RpcException>(() => service.EchoAsync("Bearer " + tampered));
        await Assert.ThrowsAsync<RpcException>(() => service.EchoAsync("Bearer not-a-jwt-but-secret-looking"));
        secrets.AddRange([serviceToken, partnerToken, code, flow.Verifier, tampered, "not-a-jwt-but-secret-looking",
            tokens.GetProperty("access_token").GetString()!, tokens.GetProperty("refresh_token").GetString()!,
                tokens.GetProperty("id_token").GetString()!,
            accessToken, refreshed.GetProperty("refresh_token").GetString()!]);

        var issuerLog = issuer.Output;
        Assert.Contains("Published signing keys", issuerLog, StringComparison.Ordinal);
        Assert.Contains("revoked", serviceLog.Text, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            // A token's signature alone is as good as the token to someone who has its (unsecret) header and payload.
            var telltale = secret.Contains('.') ? secret[(secret.LastIndexOf('.') + 1)..] : secret;
            Assert.False(issuerLog.Contains(telltale, StringComparison.Ordinal),
                $"The issuer logged a secret or token ({secret[..8]}...).");
            Assert.False(serviceLog.Text.Contains(telltale, StringComparison.Ordinal),
                $"The service logged a secret or token ({secret[..8]}...).");
        }
    }

    /// <summary>Every log entry of the service, formatted with its exception, at every level.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public string Text => string.Join('\n', lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
