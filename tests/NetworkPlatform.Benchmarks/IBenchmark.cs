namespace NetworkPlatform.Benchmarks;

/// <summary>One comparison in `make bench`. Implementations are found by reflection; each prints its own table and ratios.</summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. "grpc", "storage", "events".</summary>
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
