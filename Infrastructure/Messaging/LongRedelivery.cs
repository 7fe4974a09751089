using MassTransit;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>Waiting minutes for another service before handling a message again, on whichever transport the endpoint runs.</summary>
public static class LongRedelivery
{
    /// <summary>The waits on RabbitMQ, where they hold the message in this process: about a minute in all.</summary>
    private static readonly TimeSpan[] InProcess = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)];

    /// <summary>Handles the message again after each interval while it fails with <typeparamref name="TException"/>.</summary>
    /// <remarks>
    /// The in-memory bus schedules a delayed redelivery after each of <paramref name="intervals"/>. RabbitMQ would need the
    /// delayed-message-exchange plugin for that, which neither Debian's package nor the official image ships, so there the message
    /// waits in this process, unacknowledged (the broker keeps it, and hands it to another instance if this one dies meanwhile), for
    /// about a minute only: a receive endpoint reconnecting after a broker restart first waits for the messages it holds. What still
    /// fails is dead-lettered; a purchase is completed by the Gateway's periodic re-drive of messages without an outcome, or by
    /// re-driving the dead letter.
    /// </remarks>
    public static void UseLongRedelivery<TException>(this IReceiveEndpointConfigurator endpoint, params TimeSpan[] intervals)
        where TException : Exception
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator)
        {
            endpoint.UseMessageRetry(r =>
            {
                r.Handle<TException>();
                r.Intervals(InProcess);
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
