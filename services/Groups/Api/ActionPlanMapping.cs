using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>networkplatform.groups.v1.ActionPlanService &lt;-&gt; the action plan use cases' records.</summary>
internal static class ActionPlanMapping
{
    public static GetMeasureQuery ToQuery(V1.GetMeasureRequest request) => new(request.NetworkId, request.MeasureId);

    public static ListMeasuresQuery ToQuery(V1.ListMeasuresRequest request) =>
        new(request.NetworkId, request.Year, request.GroupId, request.ParentMeasureId, request.PageSize, request.PageToken);

    public static CreateMeasureCommand ToCommand(V1.CreateMeasureRequest request) =>
        new(request.NetworkId, request.MeasureId, request.RequestId, request.Measure is null ? null : Draft(request.Measure));

    public static UpdateMeasureCommand ToCommand(V1.UpdateMeasureRequest request)
    {
        var measure = request.Measure ?? new V1.Measure();
        return new(measure.NetworkId, measure.MeasureId, measure.Etag, [.. request.UpdateMask?.Paths ?? []], Draft(measure));
    }

    public static AssignMeasureCommand ToCommand(V1.AssignMeasureRequest request) =>
        new(request.NetworkId, request.MeasureId, request.GroupId, request.Etag);

    public static ReachMilestoneCommand ToCommand(V1.ReachMilestoneRequest request) =>
        new(request.NetworkId, request.MeasureId, request.MilestoneId, request.Etag);

    public static GetMeasurePolicyQuery ToQuery(V1.GetMeasurePolicyRequest request) => new(request.NetworkId);

    public static SetMeasurePolicyCommand ToCommand(V1.SetMeasurePolicyRequest request)
    {
        var policy = request.Policy ?? new V1.MeasurePolicy();
        return new(policy.NetworkId, policy.MeasuresPerGroup, [.. policy.GroupKinds.Select(k => k.ToDomain())], policy.Etag);
    }

    public static GetMeasurePolicyReportQuery ToQuery(V1.GetMeasurePolicyReportRequest request) => new(request.NetworkId, request.Year);

    public static GetAnnualWheelQuery ToQuery(V1.GetAnnualWheelRequest request) => new(request.NetworkId, request.GroupId, request.Year);

    public static UpdateAnnualWheelCommand ToCommand(V1.UpdateAnnualWheelRequest request)
    {
        var wheel = request.Wheel ?? new V1.AnnualWheel();
        return new(wheel.NetworkId, wheel.GroupId, wheel.Year,
            [.. wheel.Activities.Select(a =>
                new ActivityDraft(a.ActivityId, a.Month, a.Title, a.Description, [.. a.MeasureIds], a.MeetingId))],
            wheel.Etag);
    }

    public static V1.ListMeasuresResponse ToProto(Page<Measure> page) => new()
    {
        Measures = { page.Items.Select(ToProto) },
        NextPageToken = page.NextPageToken ?? "",
    };

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
            Milestones = { measure.Milestones.Select(ToProto) },
            CreateTime = Timestamp.FromDateTimeOffset(measure.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(measure.UpdatedAt),
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

    private static V1.Milestone ToProto(Milestone m)
    {
        var milestone = new V1.Milestone
        {
            MilestoneId = m.Id,
            Title = m.Title,
            DueDate = ProtoValues.Format(m.DueDate),
            ReachedBy = m.ReachedBy ?? "",
        };
        if (m.ReachedAt is { } reached)
        {
            milestone.ReachTime = Timestamp.FromDateTimeOffset(reached);
        }
        return milestone;
    }

    private static MeasureDraft Draft(V1.Measure measure) => new(measure.Year, measure.Title, measure.Description, measure.ParentMeasureId,
        measure.GroupId, measure.Status.ToDomain(),
        [.. measure.Milestones.Select(m => new MilestoneDraft(m.MilestoneId, m.Title, m.DueDate))]);
}
