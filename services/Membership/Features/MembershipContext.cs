using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features;

/// <summary>What every use case needs: the service's database and the clock.</summary>
public sealed record MembershipContext(IDocumentStore Store, TimeProvider Clock)
{
    public DateTimeOffset Now => Clock.GetUtcNow();
}
