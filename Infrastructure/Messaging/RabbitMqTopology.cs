using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>The one place that lays out the distributed system on RabbitMQ; the Gateway, Vending and the KeyAuthority all use it.</summary>
/// <remarks>
/// Every consumer queue is a quorum queue (durable, replicated) with a delivery limit, so a message whose consumer's process dies
/// over and over is dead-lettered rather than taking down every instance in turn. Publishing waits for the broker's confirm, so a
/// publish that returned is stored. A database outage is waited out in place for about a minute (here for consumers without retries of their own; see
/// ConsumerRetry for those). A message a consumer still fails after its retries goes
/// to the one dead-letter queue of the virtual host, with MassTransit's fault headers saying where it came from and why; the staff
/// API lists and re-drives it.
/// </remarks>
public static class RabbitMqTopology
{
    private static readonly string[] ConsumerQueueOnly = ["x-delivery-limit", "x-dead-letter-exchange", "x-dead-letter-routing-key", "x-max-length", "x-overflow"];

    /// <summary>Binds and validates the Bus section (Bus:RabbitMq and the rest) at start.</summary>
    public static IServiceCollection AddBusOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusOptions>().Bind(configuration.GetSection(BusOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Runs the bus on RabbitMQ with the system's topology; <paramref name="configure"/> adds what a host needs besides its consumers.</summary>
    public static void UsingRabbitMqTopology(this IBusRegistrationConfigurator bus, Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
            {
                ConfigureConsumerQueue(queue, context.GetRequiredService<IOptions<BusOptions>>().Value);
            }
        });
        bus.UsingRabbitMq((context, rabbit) =>
        {
            var options = context.GetRequiredService<IOptions<BusOptions>>().Value;
            rabbit.Host(options.RabbitMq!, host => host.PublisherConfirmation = true);
            var deadLetters = new DeadLetterQueueName(options.DeadLetterQueue);
            rabbit.SendTopology.ErrorQueueNameFormatter = deadLetters;
            rabbit.SendTopology.DeadLetterQueueNameFormatter = deadLetters;
            // The dead-letter queue is declared by every endpoint, so it must not inherit one endpoint's own limits.
            rabbit.SendTopology.ConfigureErrorSettings = queue => RemoveConsumerQueueArguments(queue, options);
            rabbit.SendTopology.ConfigureDeadLetterSettings = queue => RemoveConsumerQueueArguments(queue, options);
            // A database restart is ridden out where the message is, for about a minute, by consumers without retries of their own
            // (MassTransit does not wrap a consumer's own retry in this one: ConsumerRetry lasts as long);
            // only what still fails is dead-lettered.
            rabbit.UseMessageRetry(r =>
            {
                r.Handle<Exception>(Database.IsTransientFault);
                r.Exponential(8, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));
            });
            // No attempt waits forever on a send that cannot complete after a broker restart (see DeliveryDeadline).
            rabbit.ConnectConsumerConfigurationObserver(new DeliveryDeadline(options.DeliveryDeadline));
            configure?.Invoke(context, rabbit);
            rabbit.ConfigureEndpoints(context);
        });
    }

    private static void ConfigureConsumerQueue(IRabbitMqReceiveEndpointConfigurator queue, BusOptions options)
    {
        if (!options.QuorumQueues)
        {
            return;
        }

        queue.SetQuorumQueue();
        queue.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
        // Declared with the queue: the broker drops what it dead-letters to an exchange that does not exist yet.
        queue.BindDeadLetterQueue(options.DeadLetterQueue, options.DeadLetterQueue, deadLetters => deadLetters.SetQuorumQueue());
    }

    private static void RemoveConsumerQueueArguments(IRabbitMqQueueBindingConfigurator queue, BusOptions options)
    {
        foreach (var argument in ConsumerQueueOnly)
        {
            queue.SetQueueArgument(argument, null);
        }

        if (options.QuorumQueues)
        {
            queue.SetQuorumQueue();
        }
    }

    /// <summary>Names every endpoint's error and dead-letter queue alike: one queue to watch per virtual host.</summary>
    private sealed class DeadLetterQueueName(string name) : IErrorQueueNameFormatter, IDeadLetterQueueNameFormatter
    {
        public string FormatErrorQueueName(string queueName) => name;

        public string FormatDeadLetterQueueName(string queueName) => name;
    }
}
