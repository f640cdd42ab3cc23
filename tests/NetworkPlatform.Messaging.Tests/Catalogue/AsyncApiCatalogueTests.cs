using System.Text.Json.Nodes;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Catalogue;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Messaging.Tests.Catalogue;

public sealed class AsyncApiCatalogueTests
{
    /// <summary>`make events-catalogue` runs this test with the variable set, which rewrites the document.</summary>
    private const string WriteVariable = "NP_WRITE_EVENTS_CATALOGUE";

    [Fact]
    public void the_checked_in_catalogue_matches_the_event_contracts()
    {
        var generated = AsyncApiCatalogue.Generate(EventTypes.FindIn(typeof(IDomainEvent).Assembly));
        var path = RepositoryPaths.Combine(AsyncApiCatalogue.RelativePath.Split('/'));
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        var checkedIn = File.Exists(path) ? File.ReadAllText(path) : "(missing)";
        Assert.True(
            checkedIn == generated,
            $"{AsyncApiCatalogue.RelativePath} is out of step with the event types in NetworkPlatform.Events: run `{AsyncApiCatalogue.RegenerateCommand}` and commit the result.");
    }

    [Fact]
    public void each_event_gets_a_channel_named_after_its_routing_key_with_the_envelope_and_its_schema()
    {
        var document = JsonNode.Parse(AsyncApiCatalogue.Generate([typeof(MemberJoined), typeof(BudgetApproved)]))!;

        Assert.Equal("2.6.0", (string?)document["asyncapi"]);
        var channel = document["channels"]!["{networkId}.TestHost.MemberJoined"]!;
        Assert.Equal("NetworkPlatform.Events", (string?)channel["bindings"]!["amqp"]!["exchange"]!["name"]);
        Assert.Equal("topic", (string?)channel["bindings"]!["amqp"]!["exchange"]!["type"]);
        Assert.Equal("string", (string?)channel["parameters"]!["networkId"]!["schema"]!["type"]);
        var messageRef = (string?)channel["subscribe"]!["message"]!["$ref"];
        Assert.Equal("#/components/messages/NetworkPlatform.Messaging.TestHost.MemberJoined", messageRef);

        var payload = document["components"]!["messages"]!["NetworkPlatform.Messaging.TestHost.MemberJoined"]!["payload"]!;
        Assert.Equal("#/components/schemas/NetworkPlatform.Messaging.TestHost.MemberJoined",
            (string?)payload["properties"]!["message"]!["$ref"]);

        var schema = document["components"]!["schemas"]!["NetworkPlatform.Messaging.TestHost.MemberJoined"]!["properties"]!;
        Assert.Equal("uuid", (string?)schema["eventId"]!["format"]);
        Assert.Equal("date-time", (string?)schema["occurredAt"]!["format"]);
        Assert.Equal("string", (string?)schema["networkId"]!["type"]);
        Assert.Equal("integer", (string?)schema["aggregateVersion"]!["type"]);
        Assert.Equal(["Representative", "Deputy"], schema["role"]!["enum"]!.AsArray().Select(v => (string?)v));

        var budget = document["components"]!["schemas"]!["NetworkPlatform.Messaging.TestHost.BudgetApproved"]!["properties"]!;
        Assert.Equal("string", (string?)budget["amount"]!["type"]);
    }
}
