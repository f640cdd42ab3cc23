namespace NetworkPlatform.Application.Validation;

/// <summary>AIP-158 paging: 0 means the default, more than the maximum is lowered to it, negative is an error.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static Violations PageSize(this Violations violations, string field, int requested) =>
        violations.Require(requested >= 0, field,
            $"Must not be negative; use 0 for the default ({DefaultPageSize}) or up to {MaxPageSize}.");

    /// <summary>The page size to read, from a validated request.</summary>
    public static int Size(int requested) => requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);

    /// <summary>The storage's page token: null for the first page.</summary>
    public static string? Token(string? pageToken) => string.IsNullOrEmpty(pageToken) ? null : pageToken;
}
