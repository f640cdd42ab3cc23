using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using MassTransit.Serialization;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;

namespace NetworkPlatform.Messaging.Catalogue;

/// <summary>
/// The AsyncAPI 2.6 document of the domain events (docs/events/asyncapi.json): one channel per event type named after
/// its RabbitMQ exchange, the MassTransit envelope as payload and the event's JSON schema generated from the CLR record.
/// A dashboard in any language can subscribe from it: declare a queue, bind it to the exchange, read "message".
/// </summary>
public static class AsyncApiCatalogue
{
    public const string RelativePath = "docs/events/asyncapi.json";

    public const string RegenerateCommand = "make events-catalogue";

    private const string ConsumerSecurityScheme = "eventConsumer";

    /// <summary>What aggregateVersion means; AggregateStreamTests replays a random workload against exactly this rule.</summary>
    public const string StreamRule =
        "Each message names its aggregate stream: networkId, the message's x-aggregate-type and aggregateId. A stream's events " +
        "are numbered 1, 2, 3, ... in aggregateVersion without gaps (events written together get consecutive numbers) and " +
        "are published in that order. Stale-copy rule: per stream, keep the highest aggregateVersion applied; a message at " +
        "or below it is a copy you already have (or an older event): skip it. A stream is spread over the exchanges of its " +
        "types: bound to all of them, a version above the highest + 1 means you missed events (replay them).";

    /// <summary>Where the history is: a queue bound today gets nothing of yesterday.</summary>
    public const string Replay =
        "History: the reporting service keeps every event of these types in its network's event log, numbered by position " +
        "(1, 2, 3, ... without gaps); ReportingService.ReadEvents pages it from a position or a time and WatchEvents sends it " +
        "from a position on and then the new events (gRPC, or JSON under /v1/networks/{networkId}/events), each with the " +
        "envelope's fields and the \"message\" as payload_json (docs/events/README.md, Replaying).";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Generate(IEnumerable<Type> eventTypes)
    {
        var types = eventTypes.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var schemaOptions = SchemaOptions();
        var channels = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            var key = type.FullName!;
            var exchange = EventTopology.ExchangeName(type);
            channels[NetworkExchange.RoutingKey("{networkId}", type)] = new JsonObject
            {
                ["description"] = $"{type.Name} events of one network. Bind a queue of your own (named <your user>.<anything>) to "
                    + $"the exchange {NetworkExchange.Name} with this routing key (or a pattern such as {{networkId}}.#) for each "
                    + $"network your user may see. (The platform's own services read the fanout exchange {exchange}.)",
                ["parameters"] = new JsonObject
                {
                    ["networkId"] = new JsonObject
                    {
                        ["description"] = "The network (tenant) id; your broker user may bind only the networks it may see.",
                        ["schema"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[^.#*]+$" },
                    },
                },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject
                        {
                            ["name"] = NetworkExchange.Name,
                            ["type"] = "topic",
                            ["durable"] = true,
                            ["autoDelete"] = false,
                            ["vhost"] = "/",
                        },
                        ["bindingVersion"] = "0.2.0",
                    },
                },
                ["subscribe"] = new JsonObject
                {
                    ["operationId"] = "on" + type.Name,
                    ["message"] = new JsonObject { ["$ref"] = $"#/components/messages/{key}" },
                },
            };
            messages[key] = new JsonObject
            {
                ["name"] = type.Name,
                ["title"] = type.Name,
                ["contentType"] = WireFormat.ContentType,
                ["x-aggregate-type"] = AggregateAttribute.Of(type),
                ["payload"] = Envelope(key, type),
            };
            schemas[key] = RootReferences(JsonSchemaExporter.GetJsonSchemaAsNode(schemaOptions, type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, schema) => MarkPersonalData(context, DescribeDecimals(context, schema)),
            }), $"#/components/schemas/{key}");
        }

        var document = new JsonObject
        {
            ["asyncapi"] = "2.6.0",
            ["id"] = "urn:networkplatform:events",
            ["info"] = new JsonObject
            {
                ["title"] = "Network Platform domain events",
                ["version"] = "1.0.0",
                ["description"] =
                    "Every domain event the services publish (outbox -> RabbitMQ via MassTransit). Consumers bind to the durable topic " +
                    "exchange " + NetworkExchange.Name + ": each event arrives there with the routing key <networkId>.<Area>.<TypeName> " +
                    "(the channel names), and a consumer's user may bind only the networks it may see. Messages are MassTransit " +
                    "JSON envelopes; the event is in \"message\". " +
                    "Delivery is at least once: deduplicate on messageId. " + StreamRule + " " + Replay + " " +
                    "Generated from NetworkPlatform.Events by `" + RegenerateCommand + "`; do not edit.",
            },
            ["defaultContentType"] = WireFormat.ContentType,
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["url"] = "{host}:{port}",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0-9-1",
                    ["description"] =
                        "The platform's RabbitMQ, virtual host \"/\". In the cluster: the Service rabbitmq, from a namespace labelled " +
                        "networkplatform.io/event-consumer=true. With `make up`: 127.0.0.1:55672.",
                    ["variables"] = new JsonObject
                    {
                        ["host"] = new JsonObject { ["default"] = "rabbitmq" },
                        ["port"] = new JsonObject { ["default"] = "5672" },
                    },
                    ["security"] = new JsonArray(new JsonObject { [ConsumerSecurityScheme] = new JsonArray() }),
                },
            },
            ["channels"] = channels,
            ["components"] = new JsonObject
            {
                ["messages"] = messages,
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    [ConsumerSecurityScheme] = new JsonObject
                    {
                        ["type"] = "userPassword",
                        ["description"] =
                            "A broker user per consumer: it may declare, bind and read queues named <user>.<anything> and bind them to " +
                            "the exchange " + NetworkExchange.Name + " with routing keys of the networks it may see (RabbitMQ topic " +
                            "permissions), nothing else. `make up` creates the user dashboard (all networks; password in " +
                            ".data/up/event-consumers/dashboard.password); in the cluster, an operator adds a User, a Permission and a " +
                            "TopicPermission (deploy/k8s/overlays/prod/event-consumers.yaml).",
                    },
                },
            },
        };
        return document.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Envelope(string key, Type type) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("messageId", "messageType", "message"),
        ["properties"] = new JsonObject
        {
            ["messageId"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uuid",
                ["description"] = "Equals the event's eventId; the same on every redelivery.",
            },
            ["messageType"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["examples"] = new JsonArray(new JsonArray($"urn:message:{EventTopology.ExchangeName(type)}")),
            },
            ["conversationId"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uuid",
                ["description"] = "MassTransit's conversation: the same for the messages one published message led to.",
            },
            ["correlationId"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uuid",
                ["description"] = "MassTransit's correlation id; nothing in the platform relies on it.",
            },
            ["destinationAddress"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uri",
                ["description"] = "The exchange MassTransit published to (the event type's exchange).",
            },
            ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["headers"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "NP-Aggregate: \"<networkId>/<aggregateId>\" (the relay's order key); tracing headers.",
            },
            ["message"] = new JsonObject { ["$ref"] = $"#/components/schemas/{key}" },
        },
        // Nothing else: no host, process or source address (WireFormat leaves them out).
        ["additionalProperties"] = false,
    };

    /// <summary>The event's JSON as MassTransit writes it, with nullability and required members from the C# record.</summary>
    private static JsonSerializerOptions SchemaOptions()
    {
        var options = WireFormat.Configure(new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        });
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The exporter points a repeated type at its first place with a $ref relative to the event's schema ("#/properties/..."):
    /// inside the whole document that resolves against the document's root, so it is rewritten to start at the schema's place.
    /// </summary>
    private static JsonNode RootReferences(JsonNode node, string schemaPointer)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith('#'))
                {
                    schema["$ref"] = schemaPointer + target[1..];
                }
                foreach (var (_, child) in schema.ToList())
                {
                    if (child is not null)
                    {
                        RootReferences(child, schemaPointer);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items.OfType<JsonNode>())
                {
                    RootReferences(item, schemaPointer);
                }
                break;
        }
        return node;
    }

    /// <summary>
    /// A field marked <see cref="PersonalDataAttribute"/> says so ("x-personal-data": true); a string field with
    /// [property: AllowedValues(...)] (an enum's names, passed as text) lists them ("enum"), as enum-typed fields do.
    /// </summary>
    private static JsonNode MarkPersonalData(JsonSchemaExporterContext context, JsonNode schema)
    {
        var attributes = context.PropertyInfo?.AttributeProvider;
        if (attributes is null || schema is not JsonObject field)
        {
            return schema;
        }
        if (attributes.IsDefined(typeof(PersonalDataAttribute), inherit: false))
        {
            field["x-personal-data"] = true;
        }
        if (attributes.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: false) is [AllowedValuesAttribute allowed])
        {
            var values = new JsonArray([.. allowed.Values.Select(v => (JsonNode?)JsonValue.Create(v?.ToString()))]);
            if (field["type"] is JsonArray { Count: 2 }) // Nullable: null is allowed as well.
            {
                values.Add(null);
            }
            field["enum"] = values;
        }
        return schema;
    }

    /// <summary>MassTransit writes decimals as strings so that amounts stay exact.</summary>
    private static JsonNode DescribeDecimals(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        if (type != typeof(decimal) && type != typeof(decimal?))
        {
            return schema;
        }
        return new JsonObject
        {
            ["type"] = type == typeof(decimal) ? "string" : new JsonArray("string", "null"),
            ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?$",
            ["description"] = "A decimal number written as a string.",
        };
    }
}
