using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Catalogue;
using NetworkPlatform.Messaging.TestHost;

namespace NetworkPlatform.Messaging.Tests.Catalogue;

/// <summary>
/// Personal data in the event contracts: contact details never go on the wire, and a field that names a person is marked
/// ("x-personal-data": true, from [property: PersonalData]) so consumers know what their access and retention rules cover.
/// </summary>
public sealed partial class PersonalDataTests
{
    // Names that are not a person's: of groups, organisations, files and indicators.
    private static readonly HashSet<string> NotAPersonsName =
    [
        "GroupActivated.displayName", "GroupProposed.displayName", "OrganisationRegistered.displayName",
        "ParticipationRequested.proposedGroupName", "ParticipationAnswered.proposedGroupName", "InvitationIssued.icsFileName",
        "IndicatorCreated.name",
    ];

    [Fact]
    public void no_event_carries_contact_details_and_every_field_naming_a_person_is_marked_personal_data()
    {
        var document = JsonNode.Parse(AsyncApiCatalogue.Generate(EventTypes.FindIn(typeof(IDomainEvent).Assembly)))!;

        Assert.Empty(Violations(document));
        var person = document["components"]!["schemas"]!["NetworkPlatform.Events.Membership.PersonRegistered"]!["properties"]!;
        Assert.True((bool?)person["fullName"]!["x-personal-data"]);
        Assert.Null(person["personId"]!["x-personal-data"]);
    }

    [Fact]
    public void an_unmarked_name_field_is_found()
    {
        var document = JsonNode.Parse(AsyncApiCatalogue.Generate([typeof(MemberJoined)]))!;

        Assert.Equal(["MemberJoined.personName: a person's name without \"x-personal-data\": true"], Violations(document));
    }

    [Fact]
    public void every_field_holding_an_enum_value_lists_its_values()
    {
        var document = JsonNode.Parse(AsyncApiCatalogue.Generate(EventTypes.FindIn(typeof(IDomainEvent).Assembly)))!;
        var unlisted = new List<string>();
        foreach (var (key, schema) in document["components"]!["schemas"]!.AsObject())
        {
            CollectUnlisted(key[(key.LastIndexOf('.') + 1)..], schema!, unlisted);
        }

        Assert.Empty(unlisted);
    }

    private static void CollectUnlisted(string eventName, JsonNode node, List<string> unlisted)
    {
        if (node is JsonArray array)
        {
            array.OfType<JsonNode>().ToList().ForEach(item => CollectUnlisted(eventName, item, unlisted));
            return;
        }
        if (node is not JsonObject schema)
        {
            return;
        }
        foreach (var (name, child) in schema["properties"]?.AsObject() ?? [])
        {
            if (EnumField().IsMatch(name) && child?["enum"] is null && !FreeText.Contains($"{eventName}.{name}"))
            {
                unlisted.Add($"{eventName}.{name}");
            }
        }
        foreach (var (_, child) in schema)
        {
            if (child is not null)
            {
                CollectUnlisted(eventName, child, unlisted);
            }
        }
    }

    // Reasons people type in (a decision's grounds, a cancellation's explanation), not values of an enum.
    private static readonly HashSet<string> FreeText =
    [
        "MembershipApplied.reason", "MembershipApproved.reason", "MembershipSuspended.reason", "MembershipReinstated.reason",
        "MembershipResigned.reason", "GroupDissolved.reason", "MeetingCancelled.reason", "MeetingRescheduled.reason",
        "MandateApproved.purpose", "MandateRevised.purpose", "FundApplicationSubmitted.purpose", "PersonErased.reason",
    ];

    [GeneratedRegex("^(kind|state|status|previousStatus|measureStatus|role|answer|purpose|requirement|scope|reason)$")]
    private static partial Regex EnumField();

    private static List<string> Violations(JsonNode document)
    {
        var violations = new List<string>();
        foreach (var (key, schema) in document["components"]!["schemas"]!.AsObject())
        {
            Walk(key[(key.LastIndexOf('.') + 1)..], schema!, violations);
        }
        return violations;
    }

    private static void Walk(string eventName, JsonNode node, List<string> violations)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                Walk(eventName, item, violations);
            }
            return;
        }
        if (node is not JsonObject schema)
        {
            return;
        }
        foreach (var (name, child) in schema["properties"]?.AsObject() ?? [])
        {
            var field = $"{eventName}.{name}";
            if (ContactDetail().IsMatch(name))
            {
                violations.Add($"{field}: contact details never go on the wire; carry the person's id");
            }
            else if (PersonsName().IsMatch(name) && !NotAPersonsName.Contains(field) && (bool?)child?["x-personal-data"] != true)
            {
                violations.Add($"{field}: a person's name without \"x-personal-data\": true");
            }
        }
        foreach (var (name, child) in schema)
        {
            if (child is not null && name != "x-personal-data")
            {
                Walk(eventName, child, violations);
            }
        }
    }

    [GeneratedRegex("e-?mail|phone|mobile|msisdn|address", RegexOptions.IgnoreCase)]
    private static partial Regex ContactDetail();

    [GeneratedRegex("name$|manager", RegexOptions.IgnoreCase)]
    private static partial Regex PersonsName();
}
