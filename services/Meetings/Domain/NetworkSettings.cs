namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// What a network configures for its meetings: default time zone, its secretariat's address, agenda templates per kind,
/// notification rules, cadence policy and quorum. A network without settings gets <see cref="Default"/> (seed 003).
/// </summary>
public sealed record NetworkSettings
{
    public const string DefaultTimeZone = "Europe/Oslo";

    public required string NetworkId { get; init; }

    public string TimeZone { get; init; } = DefaultTimeZone;

    public Secretariat Secretariat { get; init; } = new("Secretariat", "");

    public IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>> AgendaTemplates { get; init; } = Domain.AgendaTemplates.Defaults;

    public IReadOnlyList<NotificationRule> NotificationRules { get; init; } = Domain.NotificationRules.Defaults;

    public CadencePolicy Cadence { get; init; } = CadencePolicy.Default;

    public QuorumRule Quorum { get; init; } = new();

    /// <summary>How long before a meeting the reminder goes out.</summary>
    public int ReminderHoursBefore { get; init; } = 48;

    public static NetworkSettings Default(string networkId) => new() { NetworkId = networkId };

    public IReadOnlyList<AgendaTemplateItem> TemplateFor(MeetingKind kind) =>
        AgendaTemplates.TryGetValue(kind, out var items) ? items : [];

    /// <summary>Invitations and minutes must reach the secretariat; without its address they cannot go out.</summary>
    public Secretariat RequireSecretariatAddress() =>
        string.IsNullOrWhiteSpace(Secretariat.Email)
            ? throw new MeetingRuleException("SECRETARIAT_ADDRESS_MISSING", $"networks/{NetworkId}/meetingSettings",
                "The network has no secretariat email address, and the secretariat must be copied on invitations and minutes; set secretariat.email with UpdateMeetingSettings first.")
            : Secretariat;
}
