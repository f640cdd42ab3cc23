using System.Net.Mail;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <summary>An agenda template as sent: Kind null when the API could not read it.</summary>
public sealed record AgendaTemplateInput(MeetingKind? Kind, IReadOnlyList<AgendaTemplateItem> Items);

/// <param name="UpdateMask">The fields to change, among <see cref="UpdateMeetingSettings.Paths"/>.</param>
/// <param name="NotificationRules">Null entries: rules the API could not read (no event, or an unknown audience).</param>
public sealed record UpdateMeetingSettingsCommand(string NetworkId, string Etag, IReadOnlyList<string> UpdateMask, string TimeZone,
    Secretariat Secretariat, IReadOnlyList<AgendaTemplateInput> AgendaTemplates, IReadOnlyList<NotificationRule?> NotificationRules,
    CadencePolicy Cadence, double QuorumShare, int ReminderHoursBefore) : INetworkRequest
{
    public string NetworkIdField => "settings.network_id";
}

/// <summary>
/// The secretariat configures its network's meetings: zone, address, agenda templates, notification rules, cadence, quorum,
/// reminders.
/// </summary>
public sealed class UpdateMeetingSettings(MeetingsContext context) : IUseCase<UpdateMeetingSettingsCommand, StoredSettings>
{
    public static readonly IReadOnlyList<string> Paths =
        ["time_zone", "secretariat", "agenda_templates", "notification_rules", "cadence", "quorum_share", "reminder_hours_before"];

    public void Authorize(UpdateMeetingSettingsCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(UpdateMeetingSettingsCommand command, Violations violations)
    {
        var paths = command.UpdateMask;
        var templates = command.AgendaTemplates;
        violations
            .Require(paths.Count > 0 && paths.All(Paths.Contains), "update_mask",
                $"Name the fields to change among {string.Join(", ", Paths)}.")
            .Require(!paths.Contains("time_zone") || MeetingRules.TryZone(command.TimeZone) is not null, "settings.time_zone",
                "Use an IANA zone such as Europe/Oslo.")
            .Require(!paths.Contains("secretariat") || IsEmail(command.Secretariat.Email), "settings.secretariat.email",
                "Give the secretariat's email address, e.g. post@partnerskapmotmobbing.no.")
            .Require(!paths.Contains("quorum_share") || command.QuorumShare is > 0 and <= 1, "settings.quorum_share",
                "Use a share above 0 and at most 1 (0.5 = half).")
            .Require(!paths.Contains("reminder_hours_before") || command.ReminderHoursBefore is >= 1 and <= 720,
                "settings.reminder_hours_before", "Use 1..720 hours.")
            .Require(!paths.Contains("notification_rules") || command.NotificationRules.All(r => r is not null),
                "settings.notification_rules", "Every rule needs an event and known audiences.")
            .Require(!paths.Contains("agenda_templates")
                || templates.All(t => t.Kind is not null && t.Items.All(i => i.Title.Trim().Length > 0)),
                "settings.agenda_templates", "Every template needs a kind and items with titles.")
            .Require(!paths.Contains("agenda_templates") || templates.Select(t => t.Kind).Distinct().Count() == templates.Count,
                "settings.agenda_templates", "One template per kind.");
        if (paths.Contains("cadence"))
        {
            var cadence = command.Cadence;
            violations
                .Require(IsDate(cadence.StartUpBeforeMonth, cadence.StartUpBeforeDay), "settings.cadence.start_up_before_month",
                    "Give a real month and day.")
                .Require(IsDate(cadence.ReportingFromMonth, cadence.ReportingFromDay), "settings.cadence.reporting_from_month",
                    "Give a real month and day.")
                .Require(cadence.DaysBeforePartnerMeeting is >= 1 and <= 180, "settings.cadence.days_before_partner_meeting",
                    "Use 1..180 days.");
        }
    }

    public async Task<StoredSettings> HandleAsync(UpdateMeetingSettingsCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        // The settings of a network that never set any are the defaults, not yet stored (etag "0"): the first update inserts them.
        return await context.Writes.InUnitAsync(async unit =>
        {
            var stored = await unit.GetForUpdateAsync(MeetingsCollections.Settings, command.NetworkId, MeetingsCollections.SettingsId,
                cancellationToken);
            var currentEtag = stored?.ETag ?? GetMeetingSettings.DefaultsEtag;
            if (command.Etag.Length > 0 && command.Etag != currentEtag)
            {
                throw new StaleEtagException($"networks/{command.NetworkId}/meetingSettings", currentEtag);
            }
            var changed = Changed(stored?.Document ?? NetworkSettings.Default(command.NetworkId), command);
            var version = stored is null
                ? await unit.InsertAsync(MeetingsCollections.Settings, command.NetworkId, changed, cancellationToken)
                : await unit.ReplaceAsync(MeetingsCollections.Settings, command.NetworkId, changed, stored.Version, cancellationToken);
            return new StoredSettings(changed, version.ToString(System.Globalization.CultureInfo.InvariantCulture), texts);
        }, cancellationToken);
    }

    private static NetworkSettings Changed(NetworkSettings current, UpdateMeetingSettingsCommand command)
    {
        T? Changed<T>(string path, Func<T> value) where T : class => command.UpdateMask.Contains(path) ? value() : null;
        var secretariat = command.Secretariat;
        return current.Update(
            timeZone: Changed("time_zone", () => command.TimeZone),
            secretariat: Changed("secretariat", () => new Secretariat(secretariat.Name.Length > 0 ? secretariat.Name : "Secretariat",
                secretariat.Email)),
            agendaTemplates: Changed<IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>>("agenda_templates", () =>
                command.AgendaTemplates.ToDictionary(t => t.Kind!.Value, t => (IReadOnlyList<AgendaTemplateItem>)t.Items
                    .Select(i => new AgendaTemplateItem(i.Title.Trim(), Math.Max(0, i.DurationMinutes), i.Description)).ToList())),
            notificationRules: Changed<IReadOnlyList<NotificationRule>>("notification_rules",
                () => command.NotificationRules.Select(r => r!).ToList()),
            cadence: Changed("cadence", () => command.Cadence),
            quorum: Changed("quorum_share", () => new QuorumRule(command.QuorumShare)),
            reminderHoursBefore: command.UpdateMask.Contains("reminder_hours_before") ? command.ReminderHoursBefore : null);
    }

    private static bool IsEmail(string value) => MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static bool IsDate(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);
}
