using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// What a network configures for its meetings: default time zone, its secretariat's address, agenda templates per kind,
/// notification rules, cadence policy and quorum. A network without settings gets <see cref="Default"/> (seed 003).
/// </summary>
public sealed record NetworkSettings
{
    public const string DefaultTimeZone = "Europe/Oslo";

    [JsonConstructor]
    private NetworkSettings()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string TimeZone { get; private init; } = DefaultTimeZone;

    [JsonInclude]
    public Secretariat Secretariat { get; private init; } = new("Secretariat", "");

    /// <summary>The agendas the network chose for a kind; other kinds get the standard agenda in the network's language.</summary>
    [JsonInclude]
    public IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>> AgendaTemplates { get; private init; } =
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>();

    [JsonInclude]
    public IReadOnlyList<NotificationRule> NotificationRules { get; private init; } = Domain.NotificationRules.Defaults;

    [JsonInclude]
    public CadencePolicy Cadence { get; private init; } = CadencePolicy.Default;

    [JsonInclude]
    public QuorumRule Quorum { get; private init; } = new();

    /// <summary>How long before a meeting the reminder goes out.</summary>
    [JsonInclude]
    public int ReminderHoursBefore { get; private init; } = 48;

    public static NetworkSettings Default(string networkId) => new() { NetworkId = networkId };

    /// <summary>The settings with the values given changed (null: unchanged).</summary>
    public NetworkSettings Update(string? timeZone = null, Secretariat? secretariat = null,
        IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>? agendaTemplates = null,
        IReadOnlyList<NotificationRule>? notificationRules = null, CadencePolicy? cadence = null, QuorumRule? quorum = null,
        int? reminderHoursBefore = null) => this with
    {
        TimeZone = timeZone ?? TimeZone,
        Secretariat = secretariat ?? Secretariat,
        AgendaTemplates = agendaTemplates ?? AgendaTemplates,
        NotificationRules = notificationRules ?? NotificationRules,
        Cadence = cadence ?? Cadence,
        Quorum = quorum ?? Quorum,
        ReminderHoursBefore = reminderHoursBefore ?? ReminderHoursBefore,
    };

    public IReadOnlyList<AgendaTemplateItem> TemplateFor(MeetingKind kind, MeetingTexts texts) =>
        AgendaTemplates.TryGetValue(kind, out var items) ? items : texts.StandardAgenda(kind);

    /// <summary>The agenda every kind gets: the network's own, else the standard one in <paramref name="texts"/>' language.</summary>
    public IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>> AgendasIn(MeetingTexts texts) =>
        Enum.GetValues<MeetingKind>().Select(kind => (kind, Items: TemplateFor(kind, texts))).Where(t => t.Items.Count > 0
            || AgendaTemplates.ContainsKey(t.kind)).ToDictionary(t => t.kind, t => t.Items);

    /// <summary>Invitations and minutes must reach the secretariat; without its address they cannot go out.</summary>
    public Secretariat RequireSecretariatAddress() =>
        string.IsNullOrWhiteSpace(Secretariat.Email)
            ? throw new RuleViolationException("SECRETARIAT_ADDRESS_MISSING", $"networks/{NetworkId}/meetingSettings",
                "The network has no secretariat email address, and the secretariat must be copied on invitations and minutes; "
                + "set secretariat.email with UpdateMeetingSettings first.")
            : Secretariat;
}
