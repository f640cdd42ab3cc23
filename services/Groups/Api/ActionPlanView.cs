using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

public static class ActionPlanView
{
    public static V1.Measure ToProto(Versioned<Measure> stored)
    {
        var measure = stored.Document;
        return new V1.Measure
        {
            NetworkId = measure.NetworkId,
            MeasureId = measure.Id,
            Year = measure.Year,
            Title = measure.Title,
            Description = measure.Description,
            ParentMeasureId = measure.ParentMeasureId ?? "",
            GroupId = measure.GroupId ?? "",
            Status = measure.Status.ToProto(),
            Milestones =
            {
                measure.Milestones.Select(m =>
                {
                    var milestone = new V1.Milestone { MilestoneId = m.Id, Title = m.Title, DueDate = ProtoDates.Format(m.DueDate), ReachedBy = m.ReachedBy ?? "" };
                    if (m.ReachedAt is { } reached)
                    {
                        milestone.ReachTime = ProtoDates.ToTimestamp(reached);
                    }
                    return milestone;
                })
            },
            CreateTime = ProtoDates.ToTimestamp(measure.CreatedAt),
            UpdateTime = ProtoDates.ToTimestamp(measure.UpdatedAt),
            Etag = stored.ETag,
        };
    }

    public static V1.MeasurePolicy ToProto(Versioned<MeasurePolicy> stored) => new()
    {
        NetworkId = stored.Document.NetworkId,
        MeasuresPerGroup = stored.Document.MeasuresPerGroup,
        GroupKinds = { stored.Document.GroupKinds.Select(k => k.ToProto()) },
        Etag = stored.Version == 0 ? "" : stored.ETag,
    };

    public static V1.MeasurePolicyReport ToProto(MeasurePolicyReport report) => new()
    {
        NetworkId = report.Policy.NetworkId,
        Year = report.Year,
        Policy = ToProto(new Versioned<MeasurePolicy>(report.Policy, 0)),
        Groups =
        {
            report.Groups.Select(g => new V1.GroupMeasureCompliance
            {
                GroupId = g.GroupId,
                DisplayName = g.DisplayName,
                Owned = g.MeasureIds.Count,
                Required = g.Required,
                MeasureIds = { g.MeasureIds },
                Compliance = g.Compliance.ToProto(),
            })
        },
        UnassignedMeasureIds = { report.UnassignedMeasureIds },
        Compliant = report.Compliant,
    };

    public static V1.AnnualWheel ToProto(Versioned<AnnualWheel> stored) => new()
    {
        NetworkId = stored.Document.NetworkId,
        GroupId = stored.Document.GroupId,
        Year = stored.Document.Year,
        Activities =
        {
            stored.Document.Activities.Select(a => new V1.PlannedActivity
            {
                ActivityId = a.Id,
                Month = a.Month,
                Title = a.Title,
                Description = a.Description,
                MeasureIds = { a.MeasureIds },
                MeetingId = a.MeetingId ?? "",
            })
        },
        Etag = stored.Version == 0 ? "" : stored.ETag,
    };
}
