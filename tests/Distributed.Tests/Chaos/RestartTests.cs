namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>A server restarted in the middle of a load run, twice; nobody restarts a service: the system recovers by itself and
/// every purchase still vends exactly once. On private servers (ports 5433, 5673), so nothing else on the machine notices.</summary>
/// <remarks>The PostgreSQL run is not in CI yet: in one CI run, one purchase of 1,200 had no answer within the driver's 120 s after
/// the second restart (the Gateway's 5-minute re-drive answers it later).</remarks>
public sealed class RestartTests
{
    /// <summary>Before the delivery deadline (Infrastructure/Messaging/DeliveryDeadline.cs), a receive endpoint often never consumed
    /// again after a broker restart: one of its consumers waited forever on a send.</summary>
    [Fact]
    public Task RestartRabbitMqTwice_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: true,
        ("RabbitMQ's first restart", system => system.RestartRabbitMqAsync()),
        ("RabbitMQ's second restart", system => system.RestartRabbitMqAsync()));

    [ChaosOnlyFact("one purchase in 1,200 was once left unanswered past 120 s after a PostgreSQL restart")]
    public Task RestartPostgresTwice_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: true,
        ("PostgreSQL's first restart", system => system.RestartPostgresAsync()),
        ("PostgreSQL's second restart", system => system.RestartPostgresAsync()));
}
