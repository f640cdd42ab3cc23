namespace NetworkPlatform.Grpc.Server.Protocol;

/// <summary>Header names and values of gRPC over HTTP/2 (grpc/grpc doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string Identity = "identity";
    public const string Gzip = "gzip";
    public const string SupportedEncodings = "identity,gzip";

    private static readonly string[] StatusCodeStrings = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>application/grpc, optionally followed by +proto (or another subtype) or parameters.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }

    public static string StatusCodeString(StatusCode code) =>
        (uint)code < (uint)StatusCodeStrings.Length ? StatusCodeStrings[(int)code] : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
