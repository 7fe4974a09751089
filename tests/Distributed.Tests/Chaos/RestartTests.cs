namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>PostgreSQL restarted in the middle of a load run, twice; nobody restarts a service: the system recovers by itself and
/// every purchase still vends exactly once. On private servers (ports 5433, 5673), so nothing else on the machine notices.</summary>
/// <remarks>A RabbitMQ restart is not here: in 5 of 8 runs Vending's PurchaseRequested endpoint did not subscribe again after it
/// (see README, Distributed mode). Not in CI yet: in the last CI run of the session, one purchase of 1,200 had no answer within the
/// driver's 120 s after the second restart (the Gateway's 5-minute re-drive answers it later).</remarks>
public sealed class RestartTests
{
    [ChaosOnlyFact("one purchase in 1,200 was once left unanswered past 120 s after a PostgreSQL restart")]
    public Task RestartPostgresTwice_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: true,
        ("PostgreSQL's first restart", system => system.RestartPostgresAsync()),
        ("PostgreSQL's second restart", system => system.RestartPostgresAsync()));
}
