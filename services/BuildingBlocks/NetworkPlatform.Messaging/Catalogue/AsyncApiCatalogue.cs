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
            channels[exchange] = new JsonObject
            {
                ["description"] = $"{type.Name} events. Bind a queue of your own (named <your user>.<anything>) to this exchange "
                    + "to receive them.",
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject
                        {
                            ["name"] = exchange,
                            ["type"] = "fanout",
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
            schemas[key] = JsonSchemaExporter.GetJsonSchemaAsNode(schemaOptions, type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, schema) => MarkPersonalData(context, DescribeDecimals(context, schema)),
            });
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
                    "Every domain event the services publish (outbox -> RabbitMQ via MassTransit). Each event type has a durable fanout " +
                    "exchange named Namespace:TypeName. Messages are MassTransit JSON envelopes; the event is in \"message\". " +
                    "Delivery is at least once: deduplicate on messageId. " + StreamRule + " " +
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
                            "the platform's exchanges (NetworkPlatform.Events.*), nothing else. `make up` creates the user " +
                            "dashboard (password in .data/up/event-consumers/dashboard.password); in the cluster, an operator adds " +
                            "a User and a Permission (deploy/k8s/overlays/prod/event-consumers.yaml).",
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
            ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["headers"] = new JsonObject { ["type"] = "object" },
            ["message"] = new JsonObject { ["$ref"] = $"#/components/schemas/{key}" },
        },
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

    /// <summary>A field marked <see cref="PersonalDataAttribute"/> says so: "x-personal-data": true.</summary>
    private static JsonNode MarkPersonalData(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo?.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), inherit: false) == true
            && schema is JsonObject field)
        {
            field["x-personal-data"] = true;
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
