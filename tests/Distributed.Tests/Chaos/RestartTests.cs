namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>A server restarted in the middle of a load run, twice; nobody restarts a service: the system recovers by itself and
/// every purchase still vends exactly once. On private servers (ports 5433, 5673), so nothing else on the machine notices.</summary>
public sealed class RestartTests
{
    /// <summary>Before the delivery deadline (Infrastructure/Messaging/DeliveryDeadline.cs), a receive endpoint often never consumed
    /// again after a broker restart: one of its consumers waited forever on a send.</summary>
    [Fact]
    public Task RestartRabbitMqTwice_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: true,
        ("RabbitMQ's first restart", system => system.RestartRabbitMqAsync()),
        ("RabbitMQ's second restart", system => system.RestartRabbitMqAsync()));

    /// <summary>Before consumers' own retries lasted a minute (ConsumerRetry), lost commit answers were handed on, and KeyAuthority
    /// faults counted as busy, some purchases in 1,200 waited for the 5-minute re-drive (README, Distributed mode).</summary>
    [Fact]
    public Task RestartPostgresTwice_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: true,
        ("PostgreSQL's first restart", system => system.RestartPostgresAsync()),
        ("PostgreSQL's second restart", system => system.RestartPostgresAsync()));
}
