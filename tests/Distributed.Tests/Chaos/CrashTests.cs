namespace SmsVending.Distributed.Tests.Chaos;

/// <summary>kill -9 of Vending, then of the KeyAuthority, in the middle of a load run; `ops/distributed.sh revive` brings each back.
/// Every purchase still ends with exactly one debit and one accepted token set, and no message is lost.</summary>
public sealed class CrashTests
{
    [Fact]
    public Task KillVendingThenKeyAuthority_MidRun_EveryPurchaseVendsExactlyOnce() => Chaos.RunAsync(privateServers: false,
        ("Vending's kill -9 and restart", async system =>
        {
            system.Kill("vending-1");
            await system.ReviveAsync();
        }),
        ("the KeyAuthority's kill -9 and restart", async system =>
        {
            system.Kill("keyauthority-1");
            await system.ReviveAsync();
        }));
}
