using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Hosting.Errors;

/// <summary>
/// The one map from what use cases, aggregates and the storage throw to gRPC statuses with google.rpc details:
/// bad input -> INVALID_ARGUMENT (BadRequest), broken rules -> FAILED_PRECONDITION (PreconditionFailure with every
/// violation), a stale etag or a lost race -> ABORTED (the current etag), duplicates -> ALREADY_EXISTS, unknown
/// resources -> NOT_FOUND (ResourceInfo), refusals -> PERMISSION_DENIED, a database that cannot serve now -> UNAVAILABLE
/// (the reason; clients retry with backoff).
/// </summary>
public static class ErrorMapping
{
    /// <summary>The status for <paramref name="exception"/>; null for anything else (a bug: the caller gets INTERNAL).</summary>
    public static RpcException? ToRpcException(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        InvalidFieldsException invalid => RpcErrors.InvalidArgument(
            invalid.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description })),
        RuleViolationException { Violations.Count: 1 } rule =>
            RpcErrors.FailedPrecondition(rule.Violations[0].Reason, rule.Violations[0].Subject, rule.Violations[0].Description),
        RuleViolationException rule => RpcErrors.Create(StatusCode.FailedPrecondition, rule.Message,
            string.Join("+", rule.Violations.Select(v => v.Reason)),
            new Dictionary<string, string> { ["missing"] = string.Join(",", rule.Violations.Select(v => v.Reason)) },
            new PreconditionFailure
            {
                Violations =
                {
                    rule.Violations.Select(v =>
                        new PreconditionFailure.Types.Violation { Type = v.Reason, Subject = v.Subject, Description = v.Description }),
                },
            }),
        NotFoundException missing => RpcErrors.NotFound(missing.ResourceType, missing.Name),
        AlreadyExistsException duplicate =>
            RpcErrors.AlreadyExists(duplicate.ResourceType, duplicate.Name, duplicate.Message, duplicate.Reason),
        PermissionDeniedException denied => RpcErrors.PermissionDenied(denied.Reason, denied.Message),
        StaleEtagException stale => RpcErrors.Aborted(stale.Subject, stale.CurrentEtag),
        ConcurrencyConflictException conflict =>
            RpcErrors.Aborted($"{conflict.Collection}/{conflict.Id}", conflict.CurrentVersion.ToString(CultureInfo.InvariantCulture)),
        DuplicateDocumentException duplicate => RpcErrors.AlreadyExists(duplicate.Collection, duplicate.Id,
            $"{duplicate.Collection}/{duplicate.Id} already exists; get it instead of creating it again."),
        DocumentNotFoundException missing => RpcErrors.NotFound(missing.Collection, missing.Id),
        StorageUnavailableException unavailable => RpcErrors.Unavailable(unavailable.Reason, unavailable.Message),
        InvalidPageTokenException => RpcErrors.InvalidArgument("page_token",
            "Not a page token from this service; send next_page_token exactly as received, or leave it empty for the first page."),
        _ => null,
    };
}
