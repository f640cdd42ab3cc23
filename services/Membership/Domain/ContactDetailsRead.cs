namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// One call's reads of other people's contact details by a secretariat member or a group leader (issue 24 item 4): who
/// read (the token's subject and person), when, through which call, and whose e-mail or phone the answer showed.
/// </summary>
public sealed record ContactDetailsRead(string Id, string ReadBy, string? ReaderPersonId, string Via, DateTimeOffset ReadAt,
    IReadOnlyList<string> PersonIds);
