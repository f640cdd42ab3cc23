using System.Text.Json.Serialization;

namespace NetworkPlatform.Membership.Domain;

public enum RepresentativeRole
{
    Representative,
    Deputy,
}

public enum AppointmentEndReason
{
    Withdrawn,
    Replaced,
    MembershipEnded,
}

/// <summary>The manager in the member's own organisation who approved the appointment (anchoring).</summary>
public sealed record ApprovingManager(string FullName, string Title = "", string Email = "");

/// <summary>An organisation formally appoints a person to represent it in the network (a "representative").</summary>
public sealed record Appointment
{
    public const int MinHoursPerMonth = 1;
    public const int MaxHoursPerMonth = 160;

    public required string Id { get; init; }

    public required string NetworkId { get; init; }

    public required string OrganisationId { get; init; }

    public required string PersonId { get; init; }

    public required RepresentativeRole Role { get; init; }

    public required int HoursPerMonth { get; init; }

    public required ApprovingManager ApprovingManager { get; init; }

    public required DateTimeOffset StartAt { get; init; }

    public DateTimeOffset? EndAt { get; init; }

    public AppointmentEndReason? EndReason { get; init; }

    public string EndNote { get; init; } = "";

    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public bool IsActive => EndAt is null;

    [JsonIgnore]
    public string Subject => $"networks/{NetworkId}/representatives/{Id}";

    public Appointment End(AppointmentEndReason reason, DateTimeOffset at, string note)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("APPOINTMENT_ENDED", Subject,
                $"This appointment already ended ({EndReason?.ToString().ToLowerInvariant()}) on {EndAt:yyyy-MM-dd}; appoint the person again if needed.");
        }
        return this with { EndAt = at, EndReason = reason, EndNote = note, UpdatedAt = at };
    }

    public Appointment ChangeTerms(int hoursPerMonth, ApprovingManager approvingManager, DateTimeOffset at)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("APPOINTMENT_ENDED", Subject, "An ended appointment cannot change; appoint the person again instead.");
        }
        return this with { HoursPerMonth = hoursPerMonth, ApprovingManager = approvingManager, UpdatedAt = at };
    }
}
