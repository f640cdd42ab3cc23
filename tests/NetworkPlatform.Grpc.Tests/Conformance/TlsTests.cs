using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetworkPlatform.Grpc.Tests.Conformance;

[Collection(ConformanceCollection.Name)]
public sealed class TlsTests(ConformanceFixture fixture)
{
    [Fact]
    public async Task with_a_configured_certificate_the_server_speaks_grpc_over_tls()
    {
        var directory = Directory.CreateTempSubdirectory("np-grpc-tls-");
        try
        {
            var (certificatePath, keyPath) = WriteSelfSignedCertificate(directory.FullName);
            await using var server = await GrpcTestServer.StartAsync(tlsCertificate: (certificatePath, keyPath));
            await fixture.RunAsync(server, "tls_calls.py", "unary_over_tls", certificatePath);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A certificate for 127.0.0.1 and localhost, as PEM files (what operators mount from a Kubernetes Secret).</summary>
    private static (string Certificate, string Key) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
