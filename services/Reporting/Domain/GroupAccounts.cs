using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Reporting.Domain;

public enum FundApplicationState
{
    Submitted,
    Approved,
    Rejected,
}

/// <param name="DecidedByMeetingId">The meeting whose published minutes decided it; null when decided directly.</param>
public sealed record FundApplication(string ApplicationId, string Purpose, decimal AmountRequested, FundApplicationState State,
    decimal AmountGranted, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? DecidedByMeetingId = null);

public sealed record Expense(string ExpenseId, DateOnly Date, decimal Amount, string Description, string? MeasureId);

/// <summary>
/// A group's money in one year: base grant, partner-fund applications, expenses and the accounts' sign-off. Signed-off
/// accounts take no more expenses (corrections go into next year's), and an application is decided once.
/// </summary>
public sealed record GroupAccounts
{
    [JsonConstructor]
    private GroupAccounts()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public int Year { get; private init; }

    [JsonInclude]
    public decimal BaseGrant { get; private init; }

    [JsonInclude]
    public IReadOnlyList<FundApplication> FundApplications { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<Expense> Expenses { get; private init; } = [];

    [JsonInclude]
    public string? SignedOffBy { get; private init; }

    [JsonInclude]
    public DateTimeOffset? SignedOffAt { get; private init; }

    /// <summary>A year's accounts before anything is entered in them.</summary>
    public static GroupAccounts Open(string networkId, string groupId, int year) =>
        new() { NetworkId = networkId, GroupId = groupId, Year = year };

    public static string IdFor(string groupId, int year) => $"{groupId}/{year}";

    public GroupAccounts SetBaseGrant(decimal amount) => this with { BaseGrant = amount };

    public GroupAccounts Submit(FundApplication application) =>
        this with { FundApplications = [.. FundApplications.Where(f => f.ApplicationId != application.ApplicationId), application] };

    /// <summary>The application decided (approved with the amount granted, or rejected); each is decided once.</summary>
    public GroupAccounts Decide(string applicationId, bool approved, decimal granted, DateTimeOffset at, string? meetingId = null)
    {
        var application = FundApplications.FirstOrDefault(a => a.ApplicationId == applicationId)
            ?? throw new NotFoundException("fund application", applicationId);
        if (application.State != FundApplicationState.Submitted)
        {
            throw new RuleViolationException("FUND_APPLICATION_ALREADY_DECIDED", applicationId,
                $"Fund application {applicationId} was already {application.State.ToString().ToLowerInvariant()}; "
                + "submit a new application to ask again.");
        }
        var decided = application with
        {
            State = approved ? FundApplicationState.Approved : FundApplicationState.Rejected,
            AmountGranted = granted,
            DecidedAt = at,
            DecidedByMeetingId = meetingId,
        };
        return this with { FundApplications = [.. FundApplications.Select(a => a.ApplicationId == applicationId ? decided : a)] };
    }

    public GroupAccounts Record(Expense expense)
    {
        EnsureOpen();
        return this with { Expenses = [.. Expenses.Where(x => x.ExpenseId != expense.ExpenseId), expense] };
    }

    public GroupAccounts SignOff(string signedOffBy, DateTimeOffset at)
    {
        EnsureOpen();
        return this with { SignedOffBy = signedOffBy, SignedOffAt = at };
    }

    private void EnsureOpen()
    {
        if (SignedOffBy is { } signedOffBy)
        {
            throw new RuleViolationException("ACCOUNTS_SIGNED_OFF", IdFor(GroupId, Year),
                $"The {Year} accounts of {GroupId} were signed off by {signedOffBy}; corrections go into next year's accounts.");
        }
    }
}
