namespace NetworkPlatform.Testing;

/// <summary>
/// A port to try for a server that cannot listen on port 0 and report the port it got (PostgreSQL, RabbitMQ). Random,
/// and below Linux's ephemeral range (32768-60999), so no port the kernel hands out meanwhile (a bind to port 0, an
/// outgoing connection) takes it; another test's server still may: start the server, and on a bind conflict try again
/// with the next candidate. Servers that can listen on port 0 do that instead.
/// </summary>
public static class CandidatePort
{
    public static int Next() => Random.Shared.Next(20_000, 32_768);
}
