using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Api;

/// <summary>
/// Runs a use case for a gRPC call: authenticates the caller, then maps what the domain and the storage throw to
/// statuses with details (lifecycle rules -> FAILED_PRECONDITION, stale etag -> ABORTED with the current etag,
/// duplicates -> ALREADY_EXISTS). Validation and authorisation errors are already RpcExceptions.
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
        catch (DomainRuleException rule)
        {
            throw RpcErrors.FailedPrecondition(rule.Reason, rule.Subject, rule.Message);
        }
        catch (DuplicateAppointmentException duplicate)
        {
            throw RpcErrors.AlreadyExists("networkplatform.membership.v1.Representative", duplicate.ExistingAppointmentId, duplicate.Message);
        }
        catch (ConcurrencyConflictException conflict)
        {
            throw RpcErrors.Aborted($"{StoreExtensions.ResourceType(conflict.Collection)} '{conflict.Id}'", conflict.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DuplicateDocumentException duplicate)
        {
            throw RpcErrors.AlreadyExists(StoreExtensions.ResourceType(duplicate.Collection), duplicate.Id,
                $"{StoreExtensions.ResourceType(duplicate.Collection)} '{duplicate.Id}' already exists; get it instead of creating it again.");
        }
        catch (InvalidPageTokenException)
        {
            throw RpcErrors.InvalidArgument("page_token", "Not a page token from this service; send next_page_token exactly as received, or leave it empty for the first page.");
        }
        catch (DocumentNotFoundException missing)
        {
            throw RpcErrors.NotFound(StoreExtensions.ResourceType(missing.Collection), missing.Id);
        }
        catch (StorageUnavailableException unavailable)
        {
            throw RpcErrors.Unavailable(unavailable.Reason, unavailable.Message);
        }
    }
}
