using NetworkPlatform.Application;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>The groups service itself, as the caller of the use cases its event handlers run (with the secretariat's rights).</summary>
internal static class ServiceCaller
{
    public static Caller For(string networkId) => new(GroupsModule.ServiceName, networkId, null, null,
        new HashSet<string> { Roles.Secretariat });
}
