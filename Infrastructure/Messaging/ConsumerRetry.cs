using MassTransit;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>The retry every consumer with retries of its own uses: quick at first for a passing fault, then spread over about a
/// minute, so that a database restart is ridden out where the message is.</summary>
/// <remarks>A consumer's own retry is not wrapped by the bus-wide one for database faults (RabbitMqTopology): once it gave up,
/// the message was dead-lettered although the database was only restarting (seen in the PostgreSQL restart runs), and waited
/// for the Gateway's 5-minute re-drive. So the consumer's own retry must last as long.</remarks>
public static class ConsumerRetry
{
    /// <summary>About 0.1, 0.6, 1.6, 3.6, 7.6, 15, 15, 15 s apart: a minute in all.</summary>
    public static void Configure(IRetryConfigurator retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Exponential(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
    }
}
