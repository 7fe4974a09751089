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
    public async Task Delivered_StillResendsAndReplays()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);
        var issued = await App.BuyAsync(request);

        Assert.True(await App.Get<PurchaseStore>().DeliveredAsync(issued.Issued!.PurchaseId, default));
        var resent = await Resends().ResendAsync(new ResendTokens("SM-last-9", Phone));
        var again = await App.BuyAsync(request);

        Assert.Equal(issued.Issued.Tokens, resent.Issued!.Tokens);
        Assert.Equal(issued.Issued.Tokens, again.Issued!.Tokens);
        Assert.Equal("delivered", (await App.Get<Staff.StaffQueries>().FindAsync(new FindPurchases(Reference: request.IdempotencyKey))).Purchases[0].Status);
    }

    [Fact]
    public async Task Timeline_ShowsTheCustomerWalletMetersPurchasesAndPayments()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m, "QKTOPUP001");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var bought = await App.BuyAsync(TestVending.Sms(Phone, meters[0], 300m));

        var timeline = await App.Get<Staff.StaffQueries>().TimelineAsync(new GetCustomerTimeline("0712345678"));
        var unknown = await App.Get<Staff.StaffQueries>().TimelineAsync(new GetCustomerTimeline("+254700000009"));

        Assert.True(timeline.Found);
        Assert.Equal(1000m - bought.Issued!.Receipt.Charged, timeline.WalletBalance);
        Assert.Equal([meters[0]], timeline.Meters.Select(m => m.MeterNumber));
        Assert.Equal(["purchase", "payment:c2b"], timeline.Entries.Select(e => e.Kind));
        Assert.Equal(bought.Issued.Tokens[0].Digits, Assert.Single(timeline.Entries[0].Tokens));
        Assert.Equal("QKTOPUP001", timeline.Entries[1].Reference);
        Assert.False(unknown.Found);
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

        var staff = App.Get<Staff.StaffQueries>();
        var byPhone = await staff.FindAsync(new FindPurchases(Phone: "0712 345 678"));
        var byMeter = await staff.FindAsync(new FindPurchases(MeterNumber: meters[0]));
        var byReference = await staff.FindAsync(new FindPurchases(Reference: a.IdempotencyKey));

        Assert.Equal([meters[1], meters[0]], byPhone.Purchases.Select(p => p.MeterNumber));
        Assert.Equal(["rejected", "issued"], byPhone.Purchases.Select(p => p.Status));
        Assert.Single(byMeter.Purchases[0].Tokens);
        Assert.Equal(a.IdempotencyKey, Assert.Single(byReference.Purchases).IdempotencyKey);
    }

    private ResendService Resends() => App.Services.CreateScope().ServiceProvider.GetRequiredService<ResendService>();
}

public sealed class SqliteResendTests() : ResendTests(DatabaseProvider.Sqlite);

public sealed class PostgresResendTests() : ResendTests(DatabaseProvider.Postgres);
