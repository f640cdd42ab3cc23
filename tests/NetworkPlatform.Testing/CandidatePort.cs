using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;

namespace NetworkPlatform.Testing;

/// <summary>
/// Ports for servers that must be told their port before they listen: PostgreSQL and RabbitMQ (they cannot listen on
/// port 0 and report the port they got), and test hosts that name their own address in their configuration (a service
/// calling itself as its peer). Candidates are random and below Linux's ephemeral range (32768-60999), so no port the
/// kernel hands out meanwhile (a bind to port 0, an outgoing connection) takes one; another test's server still may:
/// start it, and on a bind conflict try again with the next candidate. Servers that can listen on port 0 do that instead.
/// </summary>
public static class CandidatePort
{
    public static int Next() => Random.Shared.Next(20_000, 32_768);

    /// <summary>
    /// Builds and starts a web application on a candidate port (<paramref name="build"/> gets it); when another process
    /// holds that port, disposes the application and builds one on another, up to three times.
    /// </summary>
    public static async Task<(WebApplication App, int Port)> StartAsync(Func<int, WebApplication> build)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Next();
            var app = build(port);
            try
            {
                await app.StartAsync();
                return (app, port);
            }
            catch (IOException e) when (attempt < 3 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await app.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// A port that refuses connections for as long as this is not disposed: a socket bound to it without listening, so no
/// other process can start listening there meanwhile (as it could on a port merely found free).
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public void Dispose() => socket.Dispose();
}
