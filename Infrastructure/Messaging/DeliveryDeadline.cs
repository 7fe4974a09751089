using MassTransit;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>Bounds every attempt at consuming a message, so a delivery that can never finish cannot hold its endpoint for good.</summary>
/// <remarks>
/// MassTransit 8.5's RabbitMQ send path can wait forever: a channel declares its send topology once, and when that first attempt
/// fails (its send was cancelled as the broker shut down), every later send on the same channel awaits a setup that nobody runs
/// again. A consumer publishing its outcome on such a channel never returns; a receive endpoint that lost its connection waits for
/// its deliveries before it consumes again, so after a broker restart the endpoint stayed without a consumer. Giving up the attempt
/// after the deadline, or as soon as the endpoint stops, lets the consumer's retry run on a fresh channel (or the broker redeliver)
/// and the endpoint start again. The abandoned send stays parked; consumers are idempotent, so the retry's effects count once.
/// The deadline must exceed the longest attempt a consumer makes on purpose (Vending waits up to three KeyAuthority timeouts).
/// </remarks>
public sealed class DeliveryDeadline(TimeSpan limit) : IConsumerConfigurationObserver
{
    /// <summary>Nothing to do per consumer: the filter goes on each of its message types.</summary>
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class
    {
    }

    /// <summary>Puts the deadline on the consumer's pipe for one message type, inside the consumer's retries.</summary>
    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class where TMessage : class =>
        configurator.UseFilter(new Filter<TConsumer, TMessage>(limit));

    private sealed class Filter<TConsumer, TMessage>(TimeSpan limit) : IFilter<ConsumerConsumeContext<TConsumer, TMessage>>
        where TConsumer : class where TMessage : class
    {
        public async Task Send(ConsumerConsumeContext<TConsumer, TMessage> context, IPipe<ConsumerConsumeContext<TConsumer, TMessage>> next)
        {
            var attempt = next.Send(context);
            try
            {
                await attempt.WaitAsync(limit, context.CancellationToken);
            }
            catch (TimeoutException e) when (!attempt.IsCompleted)
            {
                // Only the deadline's own timeout: a TimeoutException the consumer threw is its failure and passes unchanged.
                throw new DeliveryDeadlineExceededException(
                    $"{typeof(TConsumer).Name} did not finish {typeof(TMessage).Name} within {limit.TotalSeconds:0.#} s: the attempt is given up", e);
            }
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("deliveryDeadline").Add("limit", limit);
    }
}

/// <summary>A consumer's attempt ran past the delivery deadline and was given up; the message is retried like any failure.</summary>
public sealed class DeliveryDeadlineExceededException(string message, Exception inner) : TimeoutException(message, inner);
