using NetworkPlatform.Hosting.Errors;

namespace NetworkPlatform.Membership.Features;

/// <summary>AIP-158 paging: 0 means the default, larger than the maximum is lowered to it, negative is an error.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw RpcErrors.InvalidArgument("page_size", $"Must not be negative; use 0 for the default ({DefaultPageSize}) or up to {MaxPageSize}."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    public static string? Token(string pageToken) => pageToken.Length == 0 ? null : pageToken;
}
