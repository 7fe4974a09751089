using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

public class C2bSenderTests
{
    [Fact]
    public async Task SendC2b_Accepted_ValidatesThenConfirmsInDarajasShapeAndDebits()
    {
        await using var gateway = await JsonReceiver.StartAsync(path => path.EndsWith("validation", StringComparison.Ordinal)
            ? """{"ResultCode":"0","ResultDesc":"Accepted"}""" : """{"ResultCode":0,"ResultDesc":"Success"}""");
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress));
        money.Customers.SetBalance(TestMoney.Phone, 1000m);

        var payment = await money.SendC2bAsync("+" + TestMoney.Phone, "04040404040", 250m, firstName: "AMINA");
        var validation = await gateway.NextAsync();
        var confirmation = await gateway.NextAsync();

        Assert.True(payment.Accepted);
        Assert.Equal("/payments/mpesa/c2b/validation?secret=callback-secret-0123456789", validation.PathAndQuery);
        Assert.Equal("/payments/mpesa/c2b/confirmation?secret=callback-secret-0123456789", confirmation.PathAndQuery);
        Assert.Equal(validation.Body.GetRawText(), confirmation.Body.GetRawText());
        var c2b = confirmation.Body;
        Assert.Equal("Pay Bill", c2b.GetProperty("TransactionType").GetString());
        Assert.Matches("^RKT[A-Z0-9]{7}$", c2b.GetProperty("TransID").GetString());
        Assert.Equal(payment.TransId, c2b.GetProperty("TransID").GetString());
        Assert.Matches("^20[0-9]{12}$", c2b.GetProperty("TransTime").GetString());
        Assert.Equal("250.00", c2b.GetProperty("TransAmount").GetString());
        Assert.Equal(TestMoney.ShortCode, c2b.GetProperty("BusinessShortCode").GetString());
        Assert.Equal("04040404040", c2b.GetProperty("BillRefNumber").GetString());
        Assert.Equal(TestMoney.Phone, c2b.GetProperty("MSISDN").GetString());
        Assert.Equal("AMINA", c2b.GetProperty("FirstName").GetString());
        Assert.Equal("""{"ResultCode":"0","ResultDesc":"Accepted"}""", payment.Validation!.Body);
        Assert.Equal("""{"ResultCode":0,"ResultDesc":"Success"}""", Assert.Single(payment.Confirmations).Body);
        Assert.Equal(750m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task SendC2b_ValidationRefuses_SendsNoConfirmationAndRefunds()
    {
        await using var gateway = await JsonReceiver.StartAsync(_ => """{"ResultCode":"C2B00012","ResultDesc":"Rejected: invalid account number"}""");
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress));
        money.Customers.SetBalance(TestMoney.Phone, 1000m);

        var payment = await money.SendC2bAsync(TestMoney.Phone, "99999999999", 250m);

        Assert.False(payment.Accepted);
        Assert.Contains("C2B00012", payment.Validation!.Body, StringComparison.Ordinal);
        Assert.Empty(payment.Confirmations);
        await gateway.NextAsync();
        Assert.False(gateway.TryNext(out _));
        Assert.Equal(1000m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task SendC2b_Duplicate_ConfirmsTwiceWithTheSameTransIdAndDebitsOnce()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress) with { ValidateC2b = false });
        money.Customers.SetBalance(TestMoney.Phone, 1000m);

        var payment = await money.SendC2bAsync(TestMoney.Phone, TestMoney.Phone, 100m, duplicate: true);
        var first = await gateway.NextAsync();
        var second = await gateway.NextAsync();

        Assert.Null(payment.Validation);
        Assert.Equal(2, payment.Confirmations.Count);
        Assert.EndsWith("confirmation?secret=callback-secret-0123456789", first.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal(900m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task SendC2b_WalletTooSmall_ThrowsAndPostsNothing()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress));
        money.Customers.SetBalance(TestMoney.Phone, 10m);

        await Assert.ThrowsAsync<InvalidOperationException>(() => money.SendC2bAsync(TestMoney.Phone, "04040404040", 250m));

        Assert.False(gateway.TryNext(out _));
        Assert.Equal(10m, money.Customers.BalanceOf(TestMoney.Phone));
    }
}
