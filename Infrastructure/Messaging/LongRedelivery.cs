using MassTransit;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>Waiting minutes for another service before handling a message again, on whichever transport the endpoint runs.</summary>
public static class LongRedelivery
{
    /// <summary>Handles the message again after each interval while it fails with <typeparamref name="TException"/>.</summary>
    /// <remarks>
    /// The in-memory bus schedules a delayed redelivery. RabbitMQ would need the delayed-message-exchange plugin for that, which
    /// neither Debian's package nor the official image ships, so there the message waits in this process, unacknowledged: the broker
    /// keeps it, and hands it to another instance if this one dies meanwhile. The intervals must stay well inside the broker's
    /// consumer timeout (30 minutes by default).
    /// </remarks>
    public static void UseLongRedelivery<TException>(this IReceiveEndpointConfigurator endpoint, params TimeSpan[] intervals)
        where TException : Exception
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator)
        {
            endpoint.UseMessageRetry(r =>
            {
                r.Handle<TException>();
                r.Intervals(intervals);
            });
        }
        else
        {
            endpoint.UseDelayedRedelivery(r =>
            {
                r.Handle<TException>();
                r.Intervals(intervals);
            });
        }
    }
}
