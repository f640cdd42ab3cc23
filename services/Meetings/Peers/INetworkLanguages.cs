namespace NetworkPlatform.Meetings.Peers;

/// <summary>The languages a network works in (the membership service's network), for the texts the service writes.</summary>
public interface INetworkLanguages
{
    /// <summary>BCP 47 tags, the network's first language first.</summary>
    Task<IReadOnlyList<string>> LanguagesAsync(string networkId, CancellationToken cancellationToken);
}
