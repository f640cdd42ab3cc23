using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Projections;

namespace NetworkPlatform.Reporting.Features.Operations;

public sealed record RebuildProjectionsCommand(string NetworkId) : INetworkRequest;

/// <summary>How far a rebuild is: events replayed of those in the log, into which read models; the last step is done.</summary>
public sealed record RebuildStep(long Replayed, long Total, IReadOnlyList<string> Projections, bool Done);

/// <summary>
/// An operator drops the network's read models and replays its event log through the projection, step by step as the
/// caller reads the steps (the rebuild runs as they are read).
/// </summary>
public sealed class RebuildProjections(ProjectionRebuild rebuild) : IUseCase<RebuildProjectionsCommand, IAsyncEnumerable<RebuildStep>>
{
    public void Authorize(RebuildProjectionsCommand command, Caller caller) => caller.EnsureAnyRole(Roles.Operator);

    public void Validate(RebuildProjectionsCommand command, Violations violations)
    {
    }

    public Task<IAsyncEnumerable<RebuildStep>> HandleAsync(RebuildProjectionsCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        Task.FromResult(Steps(command.NetworkId, cancellationToken));

    private async IAsyncEnumerable<RebuildStep> Steps(string networkId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (long Replayed, long Total) last = (0, 0);
        await foreach (var step in rebuild.RunAsync(networkId, cancellationToken))
        {
            last = step;
            yield return new RebuildStep(step.Replayed, step.Total, ProjectionRebuild.ProjectionNames, Done: false);
        }
        yield return new RebuildStep(last.Replayed, last.Total, ProjectionRebuild.ProjectionNames, Done: true);
    }
}
