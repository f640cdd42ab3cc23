using NetworkPlatform.Events;
using Proto = NetworkPlatform.Common.V1.MeasureStatus;

namespace NetworkPlatform.Hosting.Api;

/// <summary>networkplatform.common.v1.MeasureStatus and the services' <see cref="MeasureStatus"/>, both ways.</summary>
public static class MeasureStatusMapping
{
    /// <summary>Null for UNSPECIFIED and for a number this build does not know: the use case says what that means.</summary>
    public static MeasureStatus? ToMeasureStatus(this Proto status) => status switch
    {
        Proto.NotStarted => MeasureStatus.NotStarted,
        Proto.OnTrack => MeasureStatus.OnTrack,
        Proto.AtRisk => MeasureStatus.AtRisk,
        Proto.Late => MeasureStatus.Late,
        Proto.Done => MeasureStatus.Done,
        Proto.Cancelled => MeasureStatus.Cancelled,
        _ => null,
    };

    public static Proto ToProtoStatus(this MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => Proto.NotStarted,
        MeasureStatus.OnTrack => Proto.OnTrack,
        MeasureStatus.AtRisk => Proto.AtRisk,
        MeasureStatus.Late => Proto.Late,
        MeasureStatus.Done => Proto.Done,
        MeasureStatus.Cancelled => Proto.Cancelled,
        _ => Proto.Unspecified,
    };
}
