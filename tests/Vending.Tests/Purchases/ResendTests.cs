using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Purchases;

/// <summary>Resends and replays repeat or resume; they never vend twice.</summary>
public abstract class ResendTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Phone = "+254712345678";
    private TestVending system = null!;

    public async Task InitializeAsync() => system = await TestVending.StartAsync(provider);

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task Last_SendsTheLatestTokensAgainWithoutANewDebit()
    {
        var (customer, meters) = await system.SeedAsync(meterCount: 2);
        await system.TopUpAsync(Phone, 2000m);
        await system.BuyAsync(TestVending.Sms(Phone, meters[0], 300m));
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        var latest = await system.BuyAsync(TestVending.Sms(Phone, meters[1], 400m));
        var balance = await system.WalletAsync(customer.Id);

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-1", "0712345678"));

        Assert.Equal(latest.Issued!.Tokens, resent.Issued!.Tokens);
        Assert.Equal("SM-last-1", resent.Issued.IdempotencyKey);
        Assert.Equal(balance, await system.WalletAsync(customer.Id));
    }

    [Fact]
    public async Task LastForAMeter_PicksThatMetersLatest()
    {
        var (_, meters) = await system.SeedAsync(meterCount: 2);
        await system.TopUpAsync(Phone, 2000m);
        var first = await system.BuyAsync(TestVending.Sms(Phone, meters[0], 300m));
        await system.BuyAsync(TestVending.Sms(Phone, meters[1], 400m));

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-2", Phone, MeterNumber: meters[0]));

        Assert.Equal(first.Issued!.Tokens, resent.Issued!.Tokens);
    }

    [Fact]
    public async Task Last_NothingBought_SaysSo()
    {
        await system.SeedAsync();

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-3", Phone));

        Assert.Equal(PurchaseRejection.NothingToResend, resent.Rejected!.Reason);
    }

    [Fact]
    public async Task Replay_Refused_RunsAgainOnceThenIssued_Resends()
    {
        var (customer, meters) = await system.SeedAsync();
        var original = TestVending.Sms(Phone, meters[0], 300m);
        var refused = await system.BuyAsync(original); // no money yet
        await system.TopUpAsync(Phone, 1000m);

        var replayed = await Resends().ReplayAsync(new ReplayPurchase("replay-1", original));
        var replayedAgain = await Resends().ReplayAsync(new ReplayPurchase("replay-1", original));
        var balance = await system.WalletAsync(customer.Id);
        var afterIssued = await Resends().ReplayAsync(new ReplayPurchase("replay-2", original with { IdempotencyKey = original.IdempotencyKey + ":replay:replay-1" }));

        Assert.Equal(PurchaseRejection.InsufficientBalance, refused.Rejected!.Reason);
        Assert.Equal(replayed.Issued!.Tokens, replayedAgain.Issued!.Tokens);
        Assert.Equal(1000m - replayed.Issued.Receipt.Charged, balance.Amount);
        Assert.Equal(replayed.Issued.Tokens, afterIssued.Issued!.Tokens);
        Assert.Equal(balance, await system.WalletAsync(customer.Id));
    }

    [Fact]
    public async Task Find_ByPhoneMeterOrReference_NewestFirst()
    {
        var (_, meters) = await system.SeedAsync(meterCount: 2);
        await system.TopUpAsync(Phone, 2000m);
        var a = TestVending.Sms(Phone, meters[0], 300m);
        await system.BuyAsync(a);
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        await system.BuyAsync(TestVending.Sms(Phone, meters[1], 40m));

        var byPhone = await Resends().FindAsync(new FindPurchases(Phone: "0712 345 678"));
        var byMeter = await Resends().FindAsync(new FindPurchases(MeterNumber: meters[0]));
        var byReference = await Resends().FindAsync(new FindPurchases(Reference: a.IdempotencyKey));

        Assert.Equal([meters[1], meters[0]], byPhone.Purchases.Select(p => p.MeterNumber));
        Assert.Equal(["rejected", "issued"], byPhone.Purchases.Select(p => p.Status));
        Assert.Single(byMeter.Purchases[0].Tokens);
        Assert.Equal(a.IdempotencyKey, Assert.Single(byReference.Purchases).IdempotencyKey);
    }

    private ResendService Resends() => system.Services.CreateScope().ServiceProvider.GetRequiredService<ResendService>();
}

public sealed class SqliteResendTests() : ResendTests(DatabaseProvider.Sqlite);

public sealed class PostgresResendTests() : ResendTests(DatabaseProvider.Postgres);
