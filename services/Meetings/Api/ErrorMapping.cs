using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Api;

/// <summary>Domain and storage failures become the gRPC status a caller can act on; nothing else leaks.</summary>
public static class ErrorMapping
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (MeetingRuleException rule)
        {
            throw RpcErrors.FailedPrecondition(rule.Reason, rule.Subject, rule.Message);
        }
        catch (ConcurrencyConflictException conflict)
        {
            throw RpcErrors.Aborted($"{conflict.Collection}/{conflict.Id}", conflict.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DuplicateDocumentException duplicate)
        {
            throw RpcErrors.AlreadyExists(duplicate.Collection, duplicate.Id, $"{duplicate.Collection}/{duplicate.Id} already exists; choose another id or leave it empty.");
        }
        catch (DocumentNotFoundException missing)
        {
            throw RpcErrors.NotFound(missing.Collection, missing.Id);
        }
        catch (StorageUnavailableException unavailable)
        {
            throw RpcErrors.Unavailable(unavailable.Reason, unavailable.Message);
        }
    }
}
