using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace NetworkPlatform.Hosting.Errors;

/// <summary>
/// Builders for the errors services answer with, each carrying google.rpc details (Grpc.StatusProto sends them in
/// grpc-status-details-bin) so callers in any language can act on them: BadRequest for bad input, PreconditionFailure for
/// lifecycle rules, ResourceInfo for missing or duplicate resources, ErrorInfo with a stable reason for everything.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "networkplatform.io";

    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations) =>
        InvalidArgumentStatus(violations).ToRpcException();

    /// <summary>INVALID_ARGUMENT with a BadRequest listing <paramref name="violations"/>, as a google.rpc.Status.</summary>
    public static Google.Rpc.Status InvalidArgumentStatus(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        var summary = string.Join("; ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        return Status(StatusCode.InvalidArgument, $"The request has invalid fields: {summary}", "INVALID_ARGUMENT", null, badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public static RpcException NotFound(string resourceType, string resourceName) =>
        Create(StatusCode.NotFound, $"{resourceType} '{resourceName}' does not exist; check the name, or list them to find it.",
            "NOT_FOUND",
            new Dictionary<string, string> { ["resource_type"] = resourceType, ["resource_name"] = resourceName },
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });

    public static RpcException AlreadyExists(string resourceType, string resourceName, string description,
        string reason = "ALREADY_EXISTS") =>
        Create(StatusCode.AlreadyExists, description, reason,
            new Dictionary<string, string> { ["resource_type"] = resourceType, ["resource_name"] = resourceName },
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = description });

    /// <summary>A lifecycle rule refused the call: reason is a stable UPPER_SNAKE code such as MEMBERSHIP_NOT_ACTIVE.</summary>
    public static RpcException FailedPrecondition(string reason, string subject, string description) =>
        Create(StatusCode.FailedPrecondition, description, reason, new Dictionary<string, string> { ["subject"] = subject },
            new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = reason, Subject = subject, Description = description } },
            });

    /// <summary>An optimistic-concurrency conflict: the caller should re-read (current etag in the details) and retry.</summary>
    public static RpcException Aborted(string subject, string currentEtag) =>
        Create(StatusCode.Aborted, $"{subject} was changed by someone else (current etag {currentEtag}); read it again and retry.",
            "ETAG_MISMATCH",
            new Dictionary<string, string> { ["subject"] = subject, ["current_etag"] = currentEtag },
            new PreconditionFailure
            {
                Violations =
                {
                    new PreconditionFailure.Types.Violation
                    {
                        Type = "ETAG_MISMATCH", Subject = subject, Description = $"current etag is {currentEtag}",
                    },
                },
            });

    /// <summary>What the call needs (the database) cannot serve it now; retrying with backoff may succeed. reason: UPPER_SNAKE.</summary>
    public static RpcException Unavailable(string reason, string description) =>
        Create(StatusCode.Unavailable, description, reason, null);

    public static RpcException Unauthenticated(string description) =>
        Create(StatusCode.Unauthenticated, description, "UNAUTHENTICATED", null);

    public static RpcException PermissionDenied(string reason, string description) =>
        Create(StatusCode.PermissionDenied, description, reason, null);

    /// <summary>The google.rpc.Status of any of these errors: ErrorInfo first, then <paramref name="extraDetails"/>.</summary>
    public static Google.Rpc.Status Status(StatusCode code, string message, string reason, IDictionary<string, string>? metadata,
        params IMessage[] extraDetails)
    {
        var errorInfo = new ErrorInfo { Reason = reason, Domain = Domain };
        if (metadata is not null)
        {
            errorInfo.Metadata.Add(metadata);
        }
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(errorInfo));
        foreach (var detail in extraDetails)
        {
            status.Details.Add(Any.Pack(detail));
        }
        return status;
    }

    public static RpcException Create(StatusCode code, string message, string reason, IDictionary<string, string>? metadata,
        params IMessage[] extraDetails) =>
        Status(code, message, reason, metadata, extraDetails).ToRpcException();

    /// <summary>A google.rpc.Status as JSON (proto3 JSON mapping, details with their @type), as HTTP callers get errors.</summary>
    public static string ToJson(Google.Rpc.Status status) => StatusJson.Format(status);

    /// <summary>The google.rpc detail messages, for JSON of a google.rpc.Status (its details are Any).</summary>
    public static readonly TypeRegistry DetailTypes = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);

    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default.WithTypeRegistry(DetailTypes));

    /// <summary>The first google.rpc detail of type T the error carries (BadRequest, ErrorInfo...), or null.</summary>
    public static T? GetDetail<T>(this RpcException error) where T : class, IMessage<T>, new() => error.GetRpcStatus()?.GetDetail<T>();
}
