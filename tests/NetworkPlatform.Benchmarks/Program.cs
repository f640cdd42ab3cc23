using NetworkPlatform.Benchmarks;

// Usage: NetworkPlatform.Benchmarks all | <name> [<name> ...]
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var wanted = args.Length == 0 || args.Contains("all") ? benchmarks.Select(b => b.Name).ToHashSet() : args.ToHashSet();
var unknown = wanted.Except(benchmarks.Select(b => b.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
foreach (var benchmark in benchmarks.Where(b => wanted.Contains(b.Name)))
{
    Console.WriteLine($"== {benchmark.Name}");
    await benchmark.RunAsync(cancel.Token);
}
return 0;
