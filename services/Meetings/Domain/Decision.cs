using NetworkPlatform.Events;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>Typed decisions other services act on (groups sets leaders, reporting tracks measures and the partner fund).</summary>
public enum DecisionKind
{
    LeaderElected,
    BudgetResponsibleElected,
    MeasureStatus,
    ReferredToPartnerMeeting,
    FundApplicationApproved,
    FreeText,
    FundApplicationRejected,
}

public sealed record Decision
{
    public required string Id { get; init; }

    public required DecisionKind Kind { get; init; }

    /// <summary>The decision as worded in the minutes.</summary>
    public required string Text { get; init; }

    /// <summary>LeaderElected, BudgetResponsibleElected: the person elected.</summary>
    public string? PersonId { get; init; }

    /// <summary>MeasureStatus: the measure and its new status (documents written before the one vocabulary say e.g.
    /// "InProgress": read as OnTrack).</summary>
    public string? MeasureId { get; init; }

    public MeasureStatus? MeasureStatus { get; init; }

    /// <summary>FundApplicationApproved: the amount granted from the partner fund (Partnerpotten), in the network's currency.</summary>
    public decimal? Amount { get; init; }

    /// <summary>FundApplicationApproved, FundApplicationRejected: the application decided, as the reporting service keeps it.</summary>
    public FundApplicationRef? FundApplication { get; init; }

    public bool DecidesFundApplication => Kind is DecisionKind.FundApplicationApproved or DecisionKind.FundApplicationRejected;

    public string? AgendaItemId { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>A partner-fund application of the reporting service: its id, and the group and year of the accounts it is in.</summary>
public sealed record FundApplicationRef(string Id, string GroupId, int Year);
