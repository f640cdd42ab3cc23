using System.Net.Mail;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>The secretariat configures its network's meetings: zone, address, agenda templates, notification rules, cadence, quorum, reminders.</summary>
public sealed class UpdateMeetingSettings(MeetingsContext context)
{
    private static readonly string[] Paths = ["time_zone", "secretariat", "agenda_templates", "notification_rules", "cadence", "quorum_share", "reminder_hours_before"];

    public async Task<Versioned<NetworkSettings>> HandleAsync(Proto.UpdateMeetingSettingsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Settings ?? new Proto.MeetingSettings();
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var cadence = input.Cadence ?? new Proto.CadencePolicy();
        var secretariat = input.Secretariat ?? new Proto.Secretariat();
        var validation = new Validation()
            .NotEmpty(input.NetworkId, "settings.network_id", "network id")
            .Require(paths.Count > 0 && paths.All(Paths.Contains), "update_mask", $"Name the fields to change among {string.Join(", ", Paths)}.")
            .Require(!paths.Contains("time_zone") || Validation.TryZone(input.TimeZone) is not null, "settings.time_zone", "Use an IANA zone such as Europe/Oslo.")
            .Require(!paths.Contains("secretariat") || IsEmail(secretariat.Email), "settings.secretariat.email", "Give the secretariat's email address, e.g. post@partnerskapmotmobbing.no.")
            .Require(!paths.Contains("quorum_share") || input.QuorumShare is > 0 and <= 1, "settings.quorum_share", "Use a share above 0 and at most 1 (0.5 = half).")
            .Require(!paths.Contains("reminder_hours_before") || input.ReminderHoursBefore is >= 1 and <= 720, "settings.reminder_hours_before", "Use 1..720 hours.")
            .Require(!paths.Contains("notification_rules") || input.NotificationRules.All(r => SettingsMapping.ToDomain(r) is not null), "settings.notification_rules", "Every rule needs an event and known audiences.")
            .Require(!paths.Contains("agenda_templates") || input.AgendaTemplates.All(t => ProtoMapping.ToDomain(t.Kind) is not null && t.Items.All(i => i.Title.Trim().Length > 0)),
                "settings.agenda_templates", "Every template needs a kind and items with titles.")
            .Require(!paths.Contains("agenda_templates") || input.AgendaTemplates.Select(t => t.Kind).Distinct().Count() == input.AgendaTemplates.Count, "settings.agenda_templates", "One template per kind.");
        if (paths.Contains("cadence"))
        {
            validation.Require(IsDate(cadence.StartUpBeforeMonth, cadence.StartUpBeforeDay), "settings.cadence.start_up_before_month", "Give a real month and day.")
                .Require(IsDate(cadence.ReportingFromMonth, cadence.ReportingFromDay), "settings.cadence.reporting_from_month", "Give a real month and day.")
                .Require(cadence.DaysBeforePartnerMeeting is >= 1 and <= 180, "settings.cadence.days_before_partner_meeting", "Use 1..180 days.");
        }
        validation.ThrowIfInvalid();
        Access.EnsureSecretariat(caller, input.NetworkId);

        await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
        var stored = await unitOfWork.GetAsync(MeetingsCollections.Settings, input.NetworkId, MeetingsCollections.SettingsId, cancellationToken);
        var subject = $"networks/{input.NetworkId}/meetingSettings";
        if (input.Etag.Length > 0 && input.Etag != (stored?.ETag ?? "0"))
        {
            throw Hosting.Errors.RpcErrors.Aborted(subject, stored?.ETag ?? "0");
        }
        var current = stored?.Document ?? NetworkSettings.Default(input.NetworkId);
        var changed = current with
        {
            TimeZone = paths.Contains("time_zone") ? input.TimeZone : current.TimeZone,
            Secretariat = paths.Contains("secretariat") ? new Secretariat(secretariat.DisplayName.Length > 0 ? secretariat.DisplayName : "Secretariat", secretariat.Email) : current.Secretariat,
            AgendaTemplates = paths.Contains("agenda_templates")
                ? input.AgendaTemplates.ToDictionary(t => ProtoMapping.ToDomain(t.Kind)!.Value,
                    t => (IReadOnlyList<AgendaTemplateItem>)t.Items.Select(i => new AgendaTemplateItem(i.Title.Trim(), Math.Max(0, i.DurationMinutes), i.Description)).ToList())
                : current.AgendaTemplates,
            NotificationRules = paths.Contains("notification_rules") ? input.NotificationRules.Select(r => SettingsMapping.ToDomain(r)!).ToList() : current.NotificationRules,
            Cadence = paths.Contains("cadence") ? SettingsMapping.ToDomain(cadence) : current.Cadence,
            Quorum = paths.Contains("quorum_share") ? new QuorumRule(input.QuorumShare) : current.Quorum,
            ReminderHoursBefore = paths.Contains("reminder_hours_before") ? input.ReminderHoursBefore : current.ReminderHoursBefore,
        };
        var version = stored is null
            ? await unitOfWork.InsertAsync(MeetingsCollections.Settings, input.NetworkId, changed, cancellationToken)
            : await unitOfWork.ReplaceAsync(MeetingsCollections.Settings, input.NetworkId, changed, stored.Version, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<NetworkSettings>(changed, version);
    }

    private static bool IsEmail(string value) => MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static bool IsDate(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);
}
