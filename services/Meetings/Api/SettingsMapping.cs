using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.MeetingSettings &lt;-&gt; the settings use cases' records.</summary>
internal static class SettingsMapping
{
    public static GetMeetingSettingsQuery ToQuery(Proto.GetMeetingSettingsRequest request) => new(request.NetworkId);

    public static UpdateMeetingSettingsCommand ToCommand(Proto.UpdateMeetingSettingsRequest request)
    {
        var s = request.Settings ?? new Proto.MeetingSettings();
        var secretariat = s.Secretariat ?? new Proto.Secretariat();
        return new(s.NetworkId, s.Etag, [.. request.UpdateMask?.Paths ?? []], s.TimeZone, new Secretariat(secretariat.DisplayName,
            secretariat.Email),
            [.. s.AgendaTemplates.Select(t => new AgendaTemplateInput(ProtoMapping.ToDomain(t.Kind),
                [.. t.Items.Select(i => new AgendaTemplateItem(i.Title, i.DurationMinutes, i.Description))]))],
            [.. s.NotificationRules.Select(ToDomain)], ToDomain(s.Cadence ?? new Proto.CadencePolicy()), s.QuorumShare,
                s.ReminderHoursBefore);
    }

    public static Proto.MeetingSettings ToProto(StoredSettings stored)
    {
        var (s, etag) = (stored.Settings, stored.ETag);
        var proto = new Proto.MeetingSettings
        {
            NetworkId = s.NetworkId,
            TimeZone = s.TimeZone,
            Secretariat = new Proto.Secretariat { DisplayName = s.Secretariat.Name, Email = s.Secretariat.Email },
            Cadence = new Proto.CadencePolicy
            {
                RequireStartUp = s.Cadence.RequireStartUp,
                StartUpBeforeMonth = s.Cadence.StartUpBeforeMonth,
                StartUpBeforeDay = s.Cadence.StartUpBeforeDay,
                RequireMeetingBeforePartnerMeetings = s.Cadence.RequireMeetingBeforePartnerMeetings,
                DaysBeforePartnerMeeting = s.Cadence.DaysBeforePartnerMeeting,
                RequireReporting = s.Cadence.RequireReporting,
                ReportingFromMonth = s.Cadence.ReportingFromMonth,
                ReportingFromDay = s.Cadence.ReportingFromDay,
            },
            QuorumShare = s.Quorum.MinimumPresentShare,
            ReminderHoursBefore = s.ReminderHoursBefore,
            Etag = etag,
        };
        foreach (var (kind, items) in s.AgendasIn(stored.Texts).OrderBy(t => t.Key))
        {
            var template = new Proto.AgendaTemplate { Kind = ProtoMapping.ToProto(kind) };
            template.Items.AddRange(items.Select(i => new Proto.AgendaTemplateItem { Title = i.Title, DurationMinutes = i.DurationMinutes,
                Description = i.Description }));
            proto.AgendaTemplates.Add(template);
        }
        foreach (var rule in s.NotificationRules)
        {
            var protoRule = new Proto.NotificationRule { Event = (Proto.NotificationEvent)((int)rule.Event + 1) };
            protoRule.To.AddRange(rule.To.Select(a => (Proto.Audience)((int)a + 1)));
            protoRule.Cc.AddRange(rule.Cc.Select(a => (Proto.Audience)((int)a + 1)));
            proto.NotificationRules.Add(protoRule);
        }
        return proto;
    }

    public static CadencePolicy ToDomain(Proto.CadencePolicy p) => new()
    {
        RequireStartUp = p.RequireStartUp,
        StartUpBeforeMonth = p.StartUpBeforeMonth,
        StartUpBeforeDay = p.StartUpBeforeDay,
        RequireMeetingBeforePartnerMeetings = p.RequireMeetingBeforePartnerMeetings,
        DaysBeforePartnerMeeting = p.DaysBeforePartnerMeeting,
        RequireReporting = p.RequireReporting,
        ReportingFromMonth = p.ReportingFromMonth,
        ReportingFromDay = p.ReportingFromDay,
    };

    public static NotificationRule? ToDomain(Proto.NotificationRule r) =>
        r.Event is > Proto.NotificationEvent.Unspecified and <= Proto.NotificationEvent.MinutesPublished
        && r.To.Concat(r.Cc).All(a => a is > Proto.Audience.Unspecified and <= Proto.Audience.Secretariat)
            ? new NotificationRule((NotificationEvent)((int)r.Event - 1), r.To.Select(a => (Audience)((int)a - 1)).ToList(),
                r.Cc.Select(a => (Audience)((int)a - 1)).ToList())
            : null;
}
