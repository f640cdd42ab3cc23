using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Api;

/// <summary>
/// Runs a call's feature and answers a database that cannot serve it now with UNAVAILABLE (the features throw their
/// other errors as RpcExceptions themselves).
/// </summary>
internal static class Calls
{
    public static async Task<T> RunAsync<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (StorageUnavailableException unavailable)
        {
            throw Unavailable(unavailable);
        }
    }

    public static RpcException Unavailable(StorageUnavailableException unavailable) =>
        RpcErrors.Unavailable(unavailable.Reason, unavailable.Message);
}
