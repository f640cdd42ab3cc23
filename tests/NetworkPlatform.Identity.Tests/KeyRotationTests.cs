using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// A signing key rotated while a service runs (`identity rotate-signing-key`): the new key is published before it signs, the
/// running service accepts tokens signed with it, and tokens signed with the old key stay valid until they expire.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly TimeSpan PublishLead = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task a_new_key_is_published_before_it_signs_and_both_keys_tokens_are_accepted()
    {
        await using var issuer = await IssuerProcess.StartAsync(["service-a"], new Dictionary<string, string>
        {
            ["Identity__SigningKeyPublishLead"] = PublishLead.ToString(),
            ["Identity__KeyCheckInterval"] = "00:00:00.250",
        });
        var settings = issuer.ServiceSettings();
        settings["Auth:MetadataRetryInterval"] = "00:00:01";
        await using var service = await EchoHost.StartAsync(settings);
        var before = await issuer.ClientTokenAsync("service-a", "net-1");
        var oldKey = KeyOf(before);
        Assert.Equal("hi from service-a of net-1 as secretariat", await service.EchoAsync("Bearer " + before));

        await issuer.RunAsync("rotate-signing-key");
        var published = await EventuallyAsync(async () => await PublishedKeysAsync(issuer) is { Count: 2 } keys ? keys : null,
            "the new key to be published");
        var newKey = Assert.Single(published, k => k != oldKey);
        Assert.Equal(oldKey, KeyOf(await issuer.ClientTokenAsync("service-a", "net-1")));

        var after = await EventuallyAsync(
            async () => await issuer.ClientTokenAsync("service-a", "net-1") is var t && KeyOf(t) == newKey ? t : null,
            "tokens signed with the new key");

        // With the default settings the service re-reads the keys (every 10 minutes) within the publish lead (an hour), so it knows
        // the new key before any token names it. Here the lead is seconds: the service learns the key from the first token naming
        // it (it re-reads the keys then, at most once a second here), and accepts it from then on.
        Assert.Equal("hi from service-a of net-1 as secretariat", await EventuallyAsync(async () =>
        {
            try
            {
                return await service.EchoAsync("Bearer " + after);
            }
            catch (Grpc.Core.RpcException)
            {
                return null;
            }
        }, "the service to accept the new key's token"));
        Assert.Equal("hi from service-a of net-1 as secretariat", await service.EchoAsync("Bearer " + before));
        Assert.Equal(new[] { oldKey, newKey }.Order(), (await PublishedKeysAsync(issuer)).Order());
    }

    private static string KeyOf(string token) => new JsonWebToken(token).Kid;

    private static async Task<List<string>> PublishedKeysAsync(IssuerProcess issuer)
    {
        using var jwks = JsonDocument.Parse(await issuer.Http.GetStringAsync(".well-known/jwks"));
        return jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + PublishLead * 3;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Waited {PublishLead * 3} for {what}.");
    }
}
