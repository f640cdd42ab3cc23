using System.Globalization;
using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Hosting.Api;
using CommonV1 = NetworkPlatform.Common.V1;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Api;

/// <summary>
/// Proto enums to domain enums and back (UNSPECIFIED maps to null: the use case decides what that means), and dates as
/// the protos carry them.
/// </summary>
public static class ProtoValues
{
    public static GroupKind? ToDomain(this V1.GroupKind kind) => kind == V1.GroupKind.Unspecified ? null : (GroupKind)((int)kind - 1);

    public static V1.GroupKind ToProto(this GroupKind kind) => (V1.GroupKind)((int)kind + 1);

    public static GroupScope? ToDomain(this V1.GroupScope scope) => scope == V1.GroupScope.Unspecified ? null
        : (GroupScope)((int)scope - 1);

    public static V1.GroupScope ToProto(this GroupScope scope) => (V1.GroupScope)((int)scope + 1);

    public static GroupState? ToDomain(this V1.GroupState state) => state == V1.GroupState.Unspecified ? null
        : (GroupState)((int)state - 1);

    public static V1.GroupState ToProto(this GroupState state) => (V1.GroupState)((int)state + 1);

    public static JoinPolicy? ToDomain(this V1.JoinPolicy policy) => policy == V1.JoinPolicy.Unspecified ? null
        : (JoinPolicy)((int)policy - 1);

    public static V1.JoinPolicy ToProto(this JoinPolicy policy) => (V1.JoinPolicy)((int)policy + 1);

    public static GroupRole? ToDomain(this V1.Role role) => role == V1.Role.Unspecified ? null : (GroupRole)((int)role - 1);

    public static V1.Role ToProto(this GroupRole role) => (V1.Role)((int)role + 1);

    public static V1.GroupFlag ToProto(this GroupFlag flag) => (V1.GroupFlag)((int)flag + 1);

    public static V1.SizeAssessment ToProto(this SizeAssessment assessment) => (V1.SizeAssessment)((int)assessment + 1);

    public static MeasureStatus? ToDomain(this CommonV1.MeasureStatus status) => status.ToMeasureStatus();

    public static CommonV1.MeasureStatus ToProto(this MeasureStatus status) => status.ToProtoStatus();

    public static V1.MeasureCompliance ToProto(this MeasureCompliance compliance) => (V1.MeasureCompliance)((int)compliance + 1);

    /// <summary>Calendar dates travel as ISO 8601 strings (YYYY-MM-DD); empty means none.</summary>
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
