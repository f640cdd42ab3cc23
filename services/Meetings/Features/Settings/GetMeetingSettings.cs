using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

public sealed record GetMeetingSettingsQuery(string NetworkId) : INetworkRequest;

/// <summary>
/// A network's meeting settings and their etag ("0" for the defaults of a network that never set any), with the texts of its
/// language (the standard agendas of kinds it has no agenda of its own for).
/// </summary>
public sealed record StoredSettings(NetworkSettings Settings, string ETag, MeetingTexts Texts);

/// <summary>The network's settings, or the defaults of seed 003 when it never set any (etag "0").</summary>
public sealed class GetMeetingSettings(MeetingsContext context) : IUseCase<GetMeetingSettingsQuery, StoredSettings>
{
    /// <summary>The etag of settings never stored.</summary>
    public const string DefaultsEtag = "0";

    // Anyone of the network reads its settings.
    public void Authorize(GetMeetingSettingsQuery query, Caller caller)
    {
    }

    public void Validate(GetMeetingSettingsQuery query, Violations violations)
    {
    }

    public async Task<StoredSettings> HandleAsync(GetMeetingSettingsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var texts = await context.TextsAsync(query.NetworkId, cancellationToken);
        return await context.Database.GetSettingsAsync(query.NetworkId, cancellationToken) is { } stored
            ? new StoredSettings(stored.Document, stored.ETag, texts)
            : new StoredSettings(NetworkSettings.Default(query.NetworkId), DefaultsEtag, texts);
    }
}
