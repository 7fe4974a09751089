using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Purchases;

/// <summary>Resends and replays repeat or resume; they never vend twice.</summary>
public abstract class ResendTests(DatabaseProvider provider) : VendingTest(provider)
{
    private const string Phone = "+254712345678";

    [Fact]
    public async Task Last_SendsTheLatestTokensAgainWithoutANewDebit()
    {
        var (customer, meters) = await App.SeedAsync(meterCount: 2);
        await App.TopUpAsync(Phone, 2000m);
        await App.BuyAsync(TestVending.Sms(Phone, meters[0], 300m));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var latest = await App.BuyAsync(TestVending.Sms(Phone, meters[1], 400m));
        var balance = await App.WalletAsync(customer.Id);

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-1", "0712345678"));

        Assert.Equal(latest.Issued!.Tokens, resent.Issued!.Tokens);
        Assert.Equal("SM-last-1", resent.Issued.IdempotencyKey);
        Assert.Equal(balance, await App.WalletAsync(customer.Id));
    }

    [Fact]
    public async Task LastForAMeter_PicksThatMetersLatest()
    {
        var (_, meters) = await App.SeedAsync(meterCount: 2);
        await App.TopUpAsync(Phone, 2000m);
        var first = await App.BuyAsync(TestVending.Sms(Phone, meters[0], 300m));
        await App.BuyAsync(TestVending.Sms(Phone, meters[1], 400m));

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-2", Phone, MeterNumber: meters[0]));

        Assert.Equal(first.Issued!.Tokens, resent.Issued!.Tokens);
    }

    [Fact]
    public async Task Last_NothingBought_SaysSo()
    {
        await App.SeedAsync();

        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-3", Phone));

        Assert.Equal(PurchaseRejection.NothingToResend, resent.Rejected!.Reason);
    }

    [Fact]
    public async Task Replay_Refused_RunsAgainOnceThenIssued_Resends()
    {
        var (customer, meters) = await App.SeedAsync();
        var original = TestVending.Sms(Phone, meters[0], 300m);
        var refused = await App.BuyAsync(original); // no money yet
        await App.TopUpAsync(Phone, 1000m);

        var replayed = await Resends().ReplayAsync(new ReplayPurchase("replay-1", original));
        var replayedAgain = await Resends().ReplayAsync(new ReplayPurchase("replay-1", original));
        var balance = await App.WalletAsync(customer.Id);
        var afterIssued = await Resends().ReplayAsync(new ReplayPurchase("replay-2", original with { IdempotencyKey = original.IdempotencyKey + ":replay:replay-1" }));

        Assert.Equal(PurchaseRejection.InsufficientBalance, refused.Rejected!.Reason);
        Assert.Equal(replayed.Issued!.Tokens, replayedAgain.Issued!.Tokens);
        Assert.Equal(1000m - replayed.Issued.Receipt.Charged, balance.Amount);
        Assert.Equal(replayed.Issued.Tokens, afterIssued.Issued!.Tokens);
        Assert.Equal(balance, await App.WalletAsync(customer.Id));
    }

    [Fact]
    public async Task Find_ByPhoneMeterOrReference_NewestFirst()
    {
        var (_, meters) = await App.SeedAsync(meterCount: 2);
        await App.TopUpAsync(Phone, 2000m);
        var a = TestVending.Sms(Phone, meters[0], 300m);
        await App.BuyAsync(a);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.BuyAsync(TestVending.Sms(Phone, meters[1], 40m));

        var byPhone = await Resends().FindAsync(new FindPurchases(Phone: "0712 345 678"));
        var byMeter = await Resends().FindAsync(new FindPurchases(MeterNumber: meters[0]));
        var byReference = await Resends().FindAsync(new FindPurchases(Reference: a.IdempotencyKey));

        Assert.Equal([meters[1], meters[0]], byPhone.Purchases.Select(p => p.MeterNumber));
        Assert.Equal(["rejected", "issued"], byPhone.Purchases.Select(p => p.Status));
        Assert.Single(byMeter.Purchases[0].Tokens);
        Assert.Equal(a.IdempotencyKey, Assert.Single(byReference.Purchases).IdempotencyKey);
    }

    private ResendService Resends() => App.Services.CreateScope().ServiceProvider.GetRequiredService<ResendService>();
}

public sealed class SqliteResendTests() : ResendTests(DatabaseProvider.Sqlite);

public sealed class PostgresResendTests() : ResendTests(DatabaseProvider.Postgres);
