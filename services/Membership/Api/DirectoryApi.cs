using Grpc.Core;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.V1;
using UseCases = NetworkPlatform.Membership.Features.Directory;

namespace NetworkPlatform.Membership.Api;

public sealed class DirectoryApi(MembershipContext membership) : DirectoryService.DirectoryServiceBase
{
    public override Task<SearchDirectoryResponse> SearchDirectory(SearchDirectoryRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.SearchDirectory.HandleAsync(membership, caller, request, ct), (r, _) => r);

    public override async Task ExportDirectory(ExportDirectoryRequest request, IServerStreamWriter<ExportDirectoryChunk> responseStream, ServerCallContext context)
    {
        var export = await Calls.RunAsync(context, (caller, ct) => UseCases.ExportDirectory.HandleAsync(membership, caller, request, ct), (e, _) => e);
        foreach (var chunk in UseCases.ExportDirectory.Chunks(export))
        {
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }
}
