using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

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
public sealed record ApprovingManager(string FullName, string Title = "", string Email = "")
{
    public ApprovingManager Normalised() => new(FullName.Trim(), Title.Trim(), Email.Trim());

    /// <summary>"Name, Title" (or the name alone), as events carry it.</summary>
    public string NameAndTitle() => Title.Length > 0 ? $"{FullName}, {Title}" : FullName;
}

/// <summary>The terms of an appointment: the hours set aside and who approved them.</summary>
public sealed record AppointmentTerms(int HoursPerMonth, ApprovingManager ApprovingManager)
{
    /// <summary>The field names of the API's update mask.</summary>
    public static class Fields
    {
        public const string HoursPerMonth = "hours_per_month";
        public const string ApprovingManager = "approving_manager";

        public static readonly IReadOnlyList<string> Updatable = [HoursPerMonth, ApprovingManager];
    }
}

/// <summary>An organisation formally appoints a person to represent it in the network (a "representative").</summary>
public sealed record Appointment
{
    public const int MinHoursPerMonth = 1;
    public const int MaxHoursPerMonth = 160;

    /// <summary>The API's name of an appointment's type, for errors about one.</summary>
    public const string ApiType = "networkplatform.membership.v1.Representative";

    [JsonConstructor]
    private Appointment()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string OrganisationId { get; private init; } = "";

    [JsonInclude]
    public string PersonId { get; private init; } = "";

    [JsonInclude]
    public RepresentativeRole Role { get; private init; }

    [JsonInclude]
    public int HoursPerMonth { get; private init; }

    [JsonInclude]
    public ApprovingManager ApprovingManager { get; private init; } = new("");

    [JsonInclude]
    public DateTimeOffset StartAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset? EndAt { get; private init; }

    [JsonInclude]
    public AppointmentEndReason? EndReason { get; private init; }

    [JsonInclude]
    public string EndNote { get; private init; } = "";

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    [JsonIgnore]
    public bool IsActive => EndAt is null;

    [JsonIgnore]
    public string Subject => $"networks/{NetworkId}/representatives/{Id}";

    /// <summary>A new active appointment of <paramref name="personId"/> for <paramref name="organisationId"/>, from <paramref
    /// name="startAt"/>.</summary>
    public static Appointment Appoint(string id, string networkId, string organisationId, string personId, RepresentativeRole role,
        AppointmentTerms terms, DateTimeOffset startAt, DateTimeOffset at) => new()
        {
            Id = id,
            NetworkId = networkId,
            OrganisationId = organisationId,
            PersonId = personId,
            Role = role,
            HoursPerMonth = terms.HoursPerMonth,
            ApprovingManager = terms.ApprovingManager.Normalised(),
            StartAt = startAt,
            UpdatedAt = at,
        };

    public Appointment End(AppointmentEndReason reason, DateTimeOffset at, string note)
    {
        if (!IsActive)
        {
            throw new RuleViolationException("APPOINTMENT_ENDED", Subject,
                $"This appointment already ended ({EndReason?.ToString().ToLowerInvariant()}) on {EndAt:yyyy-MM-dd}; "
                + "appoint the person again if needed.");
        }
        return this with { EndAt = at, EndReason = reason, EndNote = note, UpdatedAt = at };
    }

    /// <summary>The same appointment with the terms <paramref name="fields"/> name taken from <paramref name="terms"/>.</summary>
    public Appointment ChangeTerms(AppointmentTerms terms, IReadOnlySet<string> fields, DateTimeOffset at)
    {
        if (!IsActive)
        {
            throw new RuleViolationException("APPOINTMENT_ENDED", Subject,
                "An ended appointment cannot change; appoint the person again instead.");
        }
        return this with
        {
            HoursPerMonth = fields.Contains(AppointmentTerms.Fields.HoursPerMonth) ? terms.HoursPerMonth : HoursPerMonth,
            ApprovingManager = fields.Contains(AppointmentTerms.Fields.ApprovingManager)
                ? terms.ApprovingManager.Normalised()
                : ApprovingManager,
            UpdatedAt = at,
        };
    }
}
