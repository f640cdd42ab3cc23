using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>The network's settings, or the defaults of seed 003 when it never set any (etag "0").</summary>
public sealed class GetMeetingSettings(MeetingsContext context)
{
    public async Task<Versioned<NetworkSettings>?> HandleAsync(Proto.GetMeetingSettingsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        return await context.Database.GetSettingsAsync(request.NetworkId, cancellationToken);
    }
}
