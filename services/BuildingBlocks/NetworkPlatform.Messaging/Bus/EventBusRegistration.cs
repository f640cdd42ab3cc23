using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Health;
using NetworkPlatform.Messaging.Listeners;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Messaging.Bus;

public static class EventBusRegistration
{
    private const string SingleActiveConsumer = "x-single-active-consumer";

    /// <summary>
    /// The bus of a process, possibly hosting several services (standalone mode: one in-memory bus, one relay and one
    /// set of handlers per service, each on that service's own database).
    /// <code>
    /// services.AddEventBus(configuration.GetSection("Bus"), bus => bus.AddService("reporting", s => s.AddHandler&lt;X&gt;()));
    /// </code>
    /// </summary>
    public static IServiceCollection AddEventBus(this IServiceCollection services, IConfiguration busSection,
        Action<EventBusBuilder> configure)
    {
        var options = busSection.Get<BusOptions>() ?? new BusOptions();
        if (options.RetryIntervals.Length == 0)
        {
            options.RetryIntervals = BusOptions.DefaultRetryIntervals;
        }
        if (options.ConsumerConcurrency < 1)
        {
            throw new InvalidOperationException(
                $"Bus:ConsumerConcurrency is {options.ConsumerConcurrency}; set it to 1 or more (default 32).");
        }
        var builder = new EventBusBuilder();
        configure(builder);

        var eventTypes = new EventTypes(builder.EventAssemblies);
        var bindings = builder.Services.SelectMany(s => s.Handlers).ToList();
        var listeners = builder.Services.SelectMany(s => s.Listeners).ToList();
        services.AddSingleton(options);
        services.AddSingleton(eventTypes);
        services.AddSingleton(new EventConsumerBindings(
            bindings.ToDictionary(b => b.HandlerType), options.ConsumerConcurrency, options.RetryIntervals.Length));
        foreach (var binding in bindings)
        {
            services.TryAddScoped(binding.HandlerType);
        }
        foreach (var listener in listeners)
        {
            services.TryAddScoped(listener.ListenerType);
        }

        services.AddSingleton<MessagingMonitor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MessagingMonitor>());
        services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<MessagingMonitor>());
        services.AddMassTransit(bus =>
        {
            // Since 8.4 MassTransit reports usage over HTTP by default; the platform never phones home.
            bus.DisableUsageTelemetry();
            foreach (var binding in bindings)
            {
                foreach (var eventType in binding.EventTypes)
                {
                    bus.AddConsumer(typeof(InboxConsumer<,>).MakeGenericType(binding.HandlerType, eventType));
                }
            }
            foreach (var listener in listeners)
            {
                foreach (var eventType in listener.EventTypes)
                {
                    bus.AddConsumer(typeof(ListenerConsumer<,>).MakeGenericType(listener.ListenerType, eventType));
                }
            }
            switch (options.Transport)
            {
                case BusTransport.RabbitMq:
                    bus.UsingRabbitMq((context, rabbit) =>
                    {
                        rabbit.Host(options.RabbitMq.Host, (ushort)options.RabbitMq.Port, options.RabbitMq.VirtualHost, host =>
                        {
                            host.Username(options.RabbitMq.Username);
                            host.Password(options.RabbitMq.Password);
                            host.PublisherConfirmation = true;
                        });
                        // The _error and _skipped queues copy the handler queue's arguments; single active consumer
                        // would refuse basic.get there, which operators use to inspect and move dead letters.
                        rabbit.SendTopology.ConfigureErrorSettings = error => error.SetQueueArgument(SingleActiveConsumer, null);
                        rabbit.SendTopology.ConfigureDeadLetterSettings = skipped => skipped.SetQueueArgument(SingleActiveConsumer, null);
                        // Every event type's exchange exists from the start, before its first event: a dashboard's own
                        // queue can bind to any exchange of the catalogue (docs/events/asyncapi.json) at once.
                        rabbit.DeployPublishTopology = true;
                        foreach (var eventType in eventTypes.All)
                        {
                            rabbit.PublishTopology.GetMessageTopology(eventType);
                        }
                        ConfigureBus(context, rabbit, options, bindings, listeners);
                    });
                    break;
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, memory) => ConfigureBus(context, memory, options, bindings, listeners));
                    break;
                default:
                    throw new InvalidOperationException($"Bus:Transport '{options.Transport}' is not supported; use inmemory or rabbitmq.");
            }
        });

        // Deliveries still in flight when a transport stops (the broker went away, shutdown) are cancelled after this:
        // MassTransit otherwise waits for them without end, and the endpoint consumes again only once they are done.
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.ConsumerStopTimeout = options.ConsumerStopTimeout;
            host.StopTimeout = options.ConsumerStopTimeout + TimeSpan.FromSeconds(2);
        });
        services.AddHealthChecks().Add(new HealthCheckRegistration("bus-consuming",
            sp => new ConsumingHealthCheck(sp.GetRequiredService<IBusControl>()), HealthStatus.Unhealthy,
                [StorageServiceCollectionExtensions.ReadyTag]));

        // Registered after MassTransit's hosted service: relays start after the bus and stop (flushing) before it.
        foreach (var service in builder.Services)
        {
            var serviceName = service.Name;
            services.AddSingleton<IHostedService>(sp => new OutboxRelay(
                serviceName,
                ServiceStorage.Outbox(sp, serviceName),
                sp.GetRequiredService<IBusControl>(),
                eventTypes,
                options,
                sp.GetRequiredService<ILogger<OutboxRelay>>()));
        }
        return services;
    }

    private static void ConfigureBus(IBusRegistrationContext context, IBusFactoryConfigurator bus, BusOptions options,
        IReadOnlyList<EventConsumerBinding> bindings, IReadOnlyList<EventListenerBinding> listeners)
    {
        bus.ConfigureJsonSerializerOptions(WireFormat.Configure);
        // Only the concrete event type gets an exchange; no fan-out through IDomainEvent.
        bus.Publish<IDomainEvent>(p => p.Exclude = true);

        foreach (var binding in bindings)
        {
            bus.ReceiveEndpoint(binding.ConsumerName, endpoint =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    // One replica at a time consumes a handler's queue; the others wait attached and take over, in queue
                    // order, when its channel closes. Replicas competing for one queue would handle an aggregate's events
                    // concurrently, out of order (the filter below orders them only within one process).
                    rabbit.SingleActiveConsumer = true;
                    // Several messages at once, but one at a time and in queue order per aggregate: events of an
                    // aggregate are handled in the order they were committed, and a message being retried holds back
                    // the ones of its aggregate behind it.
                    endpoint.ConcurrentMessageLimit = options.ConsumerConcurrency;
                    endpoint.ConfigureReceive(receive => receive.UseFilter(new AggregateOrderFilter(options.ConsumerConcurrency)));
                }
                else
                {
                    // In memory there are no delivery tags to restore the queue order from: one message at a time.
                    endpoint.ConcurrentMessageLimit = 1;
                }
                endpoint.PrefetchCount = Math.Max(options.PrefetchCount, options.ConsumerConcurrency);
                endpoint.UseMessageRetry(retry => retry.Intervals(options.RetryIntervals));
                // Contention (another writer changed the document first) and a database that is away pass: retried for
                // longer, with jitter, before the retries above count, so that they never send a message to _error.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<ConcurrencyConflictException>();
                    retry.Handle<StorageUnavailableException>();
                    retry.Exponential(options.TransientRetryLimit,
                        TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
                });
                foreach (var eventType in binding.EventTypes)
                {
                    endpoint.ConfigureConsumer(context, typeof(InboxConsumer<,>).MakeGenericType(binding.HandlerType, eventType));
                }
            });
        }

        foreach (var listener in listeners)
        {
            // MassTransit's temporary endpoint: a queue named uniquely for this process and bound to the events' exchanges,
            // so every replica gets every event. On RabbitMQ it is exclusive (deleted when this process's connection
            // closes), not durable, and expires after a minute unused (MassTransit's AutoDelete, set as x-expires).
            bus.ReceiveEndpoint(new TemporaryEndpointDefinition(listener.Tag), null, endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.PrefetchCount = options.PrefetchCount;
                // A live view that missed an event is no reason to keep it: no _error or _skipped queues for these.
                endpoint.DiscardFaultedMessages();
                endpoint.DiscardSkippedMessages();
                foreach (var eventType in listener.EventTypes)
                {
                    endpoint.ConfigureConsumer(context, typeof(ListenerConsumer<,>).MakeGenericType(listener.ListenerType, eventType));
                }
            });
        }
    }
}

public sealed class EventBusBuilder
{
    internal List<EventServiceBuilder> Services { get; } = [];

    internal List<Assembly> EventAssemblies { get; } = [typeof(IDomainEvent).Assembly];

    /// <summary>A service hosted in this process: its outbox relay (always) and its event handlers.</summary>
    public EventBusBuilder AddService(string serviceName, Action<EventServiceBuilder>? configure = null)
    {
        if (Services.Any(s => s.Name == serviceName))
        {
            throw new InvalidOperationException($"Service '{serviceName}' is registered on the bus twice; register each service once.");
        }
        var service = new EventServiceBuilder(serviceName);
        configure?.Invoke(service);
        Services.Add(service);
        return this;
    }

    /// <summary>Event types defined outside NetworkPlatform.Events (test events only: real contracts live there).</summary>
    public EventBusBuilder AddEventTypesFrom(Assembly assembly)
    {
        EventAssemblies.Add(assembly);
        return this;
    }
}

public sealed class EventServiceBuilder(string name)
{
    internal string Name { get; } = name;

    internal List<EventConsumerBinding> Handlers { get; } = [];

    internal List<EventListenerBinding> Listeners { get; } = [];

    /// <summary>
    /// A class implementing <see cref="IEventHandler{TEvent}"/> for one or more event types. It gets its own queue,
    /// "service.handler-name", and its own inbox. Deliveries that arrive together share a transaction unless
    /// <paramref name="transactions"/> says otherwise (handlers with effects outside the database).
    /// </summary>
    public EventServiceBuilder AddHandler<THandler>(InboxTransactions transactions = InboxTransactions.Grouped)
        where THandler : class
    {
        var eventTypes = typeof(THandler).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEventHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        if (eventTypes.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(THandler).Name} handles no event: implement IEventHandler<TEvent>.");
        }
        Handlers.Add(new EventConsumerBinding(
            Name, EventTopology.QueueName(Name, typeof(THandler)), typeof(THandler), eventTypes, transactions));
        return this;
    }

    /// <summary>
    /// A class handling any domain event (<c>IEventHandler&lt;IDomainEvent&gt;</c>) for the given event types, all on its one
    /// queue and inbox as <see cref="AddHandler{THandler}(InboxTransactions)"/> has them: for a handler that treats every type
    /// alike (reporting's event log).
    /// </summary>
    public EventServiceBuilder AddHandler<THandler>(IEnumerable<Type> eventTypes,
        InboxTransactions transactions = InboxTransactions.Grouped)
        where THandler : class, IEventHandler<IDomainEvent>
    {
        var types = eventTypes.Distinct().ToList();
        if (types.Count == 0 || types.Any(t => !t.IsClass || t.IsAbstract || !typeof(IDomainEvent).IsAssignableFrom(t)))
        {
            throw new InvalidOperationException(
                $"{typeof(THandler).Name} is given no event, or a type that is not a domain event record: pass IDomainEvent classes.");
        }
        Handlers.Add(new EventConsumerBinding(
            Name, EventTopology.QueueName(Name, typeof(THandler)), typeof(THandler), types, transactions));
        return this;
    }

    /// <summary>
    /// An <see cref="IEventListener"/> that sees the given event types in this process, from a temporary queue of the
    /// process's own (see <see cref="EventTopology.ListenerQueueTag"/>), whatever the other replicas consume.
    /// </summary>
    public EventServiceBuilder AddListener<TListener>(IEnumerable<Type> eventTypes)
        where TListener : class, IEventListener
    {
        var types = eventTypes.Distinct().ToList();
        if (types.Count == 0 || types.Any(t => !t.IsClass || !typeof(IDomainEvent).IsAssignableFrom(t)))
        {
            throw new InvalidOperationException(
                $"{typeof(TListener).Name} listens to no event, or a type that is not a domain event record: pass IDomainEvent classes.");
        }
        Listeners.Add(new EventListenerBinding(EventTopology.ListenerQueueTag(Name, typeof(TListener)), typeof(TListener), types));
        return this;
    }
}
