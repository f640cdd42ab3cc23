namespace NetworkPlatform.Faults.Tests;

/// <summary>One at a time: each test starts the whole platform and its own servers, which is all two cores can carry.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection
{
    public const string Name = "faults";
}
