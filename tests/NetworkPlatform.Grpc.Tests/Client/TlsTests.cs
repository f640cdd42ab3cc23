using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>TLS (ALPN h2) to a python grpcio server holding a self-signed certificate for localhost.</summary>
public sealed class TlsTests(TlsServerFixture tls) : IClassFixture<TlsServerFixture>
{
    private readonly X509Certificate2 certificate = tls.Certificate;
    private readonly PythonEchoServer server = tls.Server;

    [Fact(Timeout = 30_000)]
    public async Task an_https_target_calls_over_tls()
    {
        using var channel = GrpcChannel.ForAddress($"https://localhost:{server.Port}", new GrpcChannelOptions { SslOptions = TrustOnly(certificate) });

        var response = await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest { Message = "secret" }, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal("secret", response.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_dns_target_with_tls_options_validates_the_certificate_for_the_name()
    {
        string? validatedHost = null;
        var ssl = TrustOnly(certificate);
        var inner = ssl.RemoteCertificateValidationCallback!;
        ssl.RemoteCertificateValidationCallback = (sender, cert, chain, errors) =>
        {
            validatedHost = (sender as SslStream)?.TargetHostName;
            return inner(sender, cert, chain, errors);
        };
        using var channel = GrpcChannel.ForAddress($"dns:///localhost:{server.Port}", new GrpcChannelOptions { SslOptions = ssl });

        var response = await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest { Message = "secret" }, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal("secret", response.Message);
        Assert.Equal("localhost", validatedHost);
    }

    [Fact(Timeout = 30_000)]
    public async Task an_untrusted_certificate_fails_with_unavailable()
    {
        using var channel = GrpcChannel.ForAddress($"https://localhost:{server.Port}", new GrpcChannelOptions { SslOptions = new SslClientAuthenticationOptions() });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static SslClientAuthenticationOptions TrustOnly(X509Certificate2 trusted) => new()
    {
        RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == trusted.GetCertHashString(),
    };
}

/// <summary>A python echo server with a fresh self-signed certificate for localhost and 127.0.0.1.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-tls-").FullName;
    private X509Certificate2? certificate;

    public X509Certificate2 Certificate => certificate!;

    public PythonEchoServer Server => server!;
    private PythonEchoServer? server;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        server = await PythonEchoServer.StartAsync("127.0.0.1", 0, "tls", "--cert", certPath, "--key", keyPath);
    }

    public async Task DisposeAsync()
    {
        await server!.DisposeAsync();
        certificate?.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
