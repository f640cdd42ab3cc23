using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Api;

/// <summary>
/// Runs a use case for a gRPC call: authenticates the caller, then answers what the domain and the storage throw with
/// statuses and details: bad input -> INVALID_ARGUMENT (BadRequest), lifecycle rules -> FAILED_PRECONDITION
/// (PreconditionFailure with every violation), stale etag -> ABORTED with the current etag, duplicates -> ALREADY_EXISTS,
/// unknown ids -> NOT_FOUND. Authorisation errors are already RpcExceptions.
/// </summary>
internal static class Calls
{
    public static async Task<TResponse> RunAsync<TResult, TResponse>(
        ServerCallContext context, Func<Caller, CancellationToken, Task<TResult>> handle, Func<TResult, Caller, TResponse> map)
    {
        var caller = context.GetCaller();
        try
        {
            var result = await handle(caller, context.CancellationToken).ConfigureAwait(false);
            return map(result, caller);
        }
        catch (Exception e) when (ToRpc(e) is { } rpc)
        {
            throw rpc;
        }
    }

    /// <summary>The status for a domain or storage exception; null for anything else (a bug: INTERNAL, without details).</summary>
    public static RpcException? ToRpc(Exception exception) => exception switch
    {
        InvalidFieldsException invalid => RpcErrors.InvalidArgument(invalid.Errors.Select(e => new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Description })),
        RuleViolationException { Violations.Count: 1 } rule => RpcErrors.FailedPrecondition(rule.Violations[0].Reason, rule.Violations[0].Subject, rule.Violations[0].Description),
        RuleViolationException rule => RpcErrors.Create(StatusCode.FailedPrecondition, rule.Message, string.Join("+", rule.Violations.Select(v => v.Reason)),
            new Dictionary<string, string> { ["missing"] = string.Join(",", rule.Violations.Select(v => v.Reason)) },
            new PreconditionFailure { Violations = { rule.Violations.Select(v => new PreconditionFailure.Types.Violation { Type = v.Reason, Subject = v.Subject, Description = v.Description }) } }),
        ResourceNotFoundException missing => RpcErrors.NotFound(missing.ResourceType, missing.Name),
        DuplicateResourceException duplicate => RpcErrors.AlreadyExists(duplicate.ResourceType, duplicate.Id, duplicate.Message),
        StaleEtagException stale => RpcErrors.Aborted(stale.Subject, stale.CurrentEtag),
        ConcurrencyConflictException conflict => RpcErrors.Aborted($"{conflict.Collection}/{conflict.Id}", conflict.CurrentVersion.ToString(CultureInfo.InvariantCulture)),
        DuplicateDocumentException duplicate => RpcErrors.AlreadyExists(duplicate.Collection, duplicate.Id, $"{duplicate.Collection}/{duplicate.Id} already exists; get it instead of creating it again."),
        DocumentNotFoundException missing => RpcErrors.NotFound(missing.Collection, missing.Id),
        StorageUnavailableException unavailable => RpcErrors.Unavailable(unavailable.Reason, unavailable.Message),
        InvalidPageTokenException => RpcErrors.InvalidArgument("page_token", "This page token is not one this service gave out; send the next_page_token of the previous page, or none for the first page."),
        _ => null,
    };
}
