using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.Directory;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>The directory of active members and their representatives: search, and the secretariat's export.</summary>
public sealed class DirectoryApi(SearchDirectory searchDirectory, ExportDirectory exportDirectory) : DirectoryService.DirectoryServiceBase
{
    public override Task<SearchDirectoryResponse> SearchDirectory(SearchDirectoryRequest request, ServerCallContext context) =>
        context.RunAsync(searchDirectory, DirectoryMapping.ToQuery(request), DirectoryMapping.ToProto);

    public override async Task ExportDirectory(ExportDirectoryRequest request, IServerStreamWriter<ExportDirectoryChunk> responseStream,
        ServerCallContext context)
    {
        var chunks = await context.RunAsync(exportDirectory, DirectoryMapping.ToQuery(request), DirectoryMapping.Chunks);
        foreach (var chunk in chunks)
        {
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }
}
