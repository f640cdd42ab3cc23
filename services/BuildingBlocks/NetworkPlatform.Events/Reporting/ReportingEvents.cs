using System.ComponentModel.DataAnnotations;

// Published by the reporting service for what its users enter. It keeps them in its event log as well, so every
// projection can be rebuilt from the log alone. AggregateId is the measure, indicator, accounts (group/year) or activity id.
namespace NetworkPlatform.Events.Reporting;

/// <summary>Status is an <see cref="Events.MeasureStatus"/> name, e.g. "OnTrack".</summary>
[Aggregate("MeasureProgress")]
public sealed record ProgressReportSubmitted(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string ReportId, string MeasureId,
    DateOnly PeriodStart, DateOnly PeriodEnd,
    [property: AllowedValues("NotStarted", "OnTrack", "AtRisk", "Late", "Done", "Cancelled")] string Status, int Percent,
    string Narrative, string SubmittedBy) : IDomainEvent;

[Aggregate("Indicator")]
public sealed record IndicatorCreated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string IndicatorId, string Name,
    string Unit, string? MeasureId, decimal? Target) : IDomainEvent;

[Aggregate("Indicator")]
public sealed record IndicatorValueRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string IndicatorId, DateOnly Date,
    decimal Value, string? Note) : IDomainEvent;

[Aggregate("GroupAccounts")]
public sealed record BaseGrantSet(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    decimal Amount, string SetBy) : IDomainEvent;

[Aggregate("GroupAccounts")]
public sealed record FundApplicationSubmitted(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    string ApplicationId, string Purpose, decimal AmountRequested, string SubmittedBy) : IDomainEvent;

/// <summary>MeetingId: the meeting whose published minutes decided it (null when the secretariat decided it directly).</summary>
[Aggregate("GroupAccounts")]
public sealed record FundApplicationDecided(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    string ApplicationId, bool Approved, decimal AmountGranted, string DecidedBy, string? MeetingId = null) : IDomainEvent;

[Aggregate("GroupAccounts")]
public sealed record ExpenseRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    string ExpenseId, DateOnly Date, decimal Amount, string Description, string? MeasureId, string RecordedBy) : IDomainEvent;

[Aggregate("GroupAccounts")]
public sealed record AccountsSignedOff(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    string SignedOffBy) : IDomainEvent;

/// <summary>Kind is a networkplatform.reporting.v1 LearningKind name, e.g. "ReflectionGroup".</summary>
[Aggregate("LearningActivity")]
public sealed record LearningActivityLogged(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string ActivityId,
    [property: AllowedValues("EverydayLearning", "PeerGuidance", "ReflectionGroup", "InternalTeaching", "JobRotation", "MentorScheme",
        "KnowledgeTransferAfterCourse")]
    string Kind,
    string? OrganisationId, string? GroupId, DateOnly Date, decimal Hours, int Participants, string Description,
    string LoggedBy) : IDomainEvent;
