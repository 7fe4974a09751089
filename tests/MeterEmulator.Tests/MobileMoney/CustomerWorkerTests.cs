using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

public class CustomerWorkerTests
{
    [Fact]
    public async Task Pays_CallsBackSuccessWithTheMetadataAndDebitsTheWallet()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.SetBalance(TestMoney.Phone, 1000m);
        var callbackUrl = new Uri(gateway.BaseAddress, "/payments/mpesa/stk/callback?secret=s3cret");

        var (_, answer) = await TestMoney.PushAsync(money, TestMoney.Push(callbackUrl));
        var (path, body) = await gateway.NextAsync();

        Assert.Equal("/payments/mpesa/stk/callback?secret=s3cret", path);
        var stk = body.GetProperty("Body").GetProperty("stkCallback");
        Assert.Equal(answer.GetProperty("CheckoutRequestID").GetString(), stk.GetProperty("CheckoutRequestID").GetString());
        Assert.Equal(answer.GetProperty("MerchantRequestID").GetString(), stk.GetProperty("MerchantRequestID").GetString());
        Assert.Equal(0, stk.GetProperty("ResultCode").GetInt32());
        var items = stk.GetProperty("CallbackMetadata").GetProperty("Item").EnumerateArray().ToDictionary(i => i.GetProperty("Name").GetString()!, i => i.GetProperty("Value"));
        Assert.Equal(300m, items["Amount"].GetDecimal());
        Assert.Matches("^[A-Z0-9]{10}$", items["MpesaReceiptNumber"].GetString());
        Assert.Matches("^20[0-9]{12}$", items["TransactionDate"].GetRawText());
        Assert.Equal(254711000001L, items["PhoneNumber"].GetInt64());
        Assert.Equal(700m, money.Customers.BalanceOf("+" + TestMoney.Phone));
        Assert.Equal(items["MpesaReceiptNumber"].GetString(), Assert.Single(money.Pushes).Receipt);
    }

    [Theory]
    [InlineData(CustomerBehaviour.Cancels, 1032, "Request cancelled by user")]
    [InlineData(CustomerBehaviour.InsufficientFunds, 1, "The balance is insufficient for the transaction.")]
    public async Task NotPaying_CallsBackTheCodeWithoutMetadataAndKeepsTheWallet(CustomerBehaviour behaviour, int code, string description)
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.Set(TestMoney.Phone, behaviour);
        money.Customers.SetBalance(TestMoney.Phone, 1000m);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));
        var stk = Stk((await gateway.NextAsync()).Body);

        Assert.Equal(code, stk.GetProperty("ResultCode").GetInt32());
        Assert.Equal(description, stk.GetProperty("ResultDesc").GetString());
        Assert.False(stk.TryGetProperty("CallbackMetadata", out _));
        Assert.Equal(1000m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task Pays_WalletTooSmall_CallsBackInsufficientFunds()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.SetBalance(TestMoney.Phone, 299m);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));

        Assert.Equal(1, Stk((await gateway.NextAsync()).Body).GetProperty("ResultCode").GetInt32());
        Assert.Equal(299m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task DuplicateCallback_SendsTheSameCallbackTwiceAndDebitsOnce()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.Set(TestMoney.Phone, CustomerBehaviour.DuplicateCallback);
        money.Customers.SetBalance(TestMoney.Phone, 1000m);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));
        var first = await gateway.NextAsync();
        var second = await gateway.NextAsync();

        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal(0, Stk(first.Body).GetProperty("ResultCode").GetInt32());
        Assert.Equal(700m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task AnswersLate_CallsBackOnlyWhenTheClockPassesTheDelay()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings() with { LateAnswerDelay = TimeSpan.FromMinutes(3) }, time: clock);
        money.Customers.Set(TestMoney.Phone, CustomerBehaviour.AnswersLate);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));
        await WaitUntilAsync(() => money.LateAnswersWaiting == 1);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(gateway.TryNext(out _));
        Assert.Null(Assert.Single(money.Pushes).ResultCode);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, Stk((await gateway.NextAsync()).Body).GetProperty("ResultCode").GetInt32());
    }

    [Fact]
    public async Task AnswersLate_Released_CallsBackAtOnce()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.Set(TestMoney.Phone, CustomerBehaviour.AnswersLate);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));
        await WaitUntilAsync(() => money.LateAnswersWaiting == 1);
        Assert.False(gateway.TryNext(out _));
        money.ReleaseLateAnswers();

        Assert.Equal(0, Stk((await gateway.NextAsync()).Body).GetProperty("ResultCode").GetInt32());
    }

    [Fact]
    public async Task NeverAnswers_SendsNoCallback()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        money.Customers.Set("+" + TestMoney.Phone, CustomerBehaviour.NeverAnswers);

        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));
        // Another customer's callback comes; the silent one's never does.
        await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress, phone: "254722000002"));
        var only = Stk((await gateway.NextAsync()).Body);

        Assert.Equal(money.Pushes.Single(p => p.Phone == "254722000002").CheckoutRequestId, only.GetProperty("CheckoutRequestID").GetString());
        Assert.Null(money.Pushes.Single(p => p.Phone == TestMoney.Phone).ResultCode);
        Assert.False(gateway.TryNext(out _));
    }

    private static JsonElement Stk(JsonElement body) => body.GetProperty("Body").GetProperty("stkCallback");

    // The worker takes a push off its queue in the background; this waits for that step without sleeping a fixed time.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
