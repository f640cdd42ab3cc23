using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features;

/// <summary>What the groups use cases need: the service's own database, the membership service, and the clock.</summary>
public sealed record GroupsContext(IDocumentStore Store, IMembershipDirectory Membership, TimeProvider Clock);
