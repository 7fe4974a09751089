using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

public class StkPushEndpointsTests
{
    [Fact]
    public async Task ProcessRequest_ValidPush_AnswersWithCheckoutIdsAndRecordsIt()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());

        var (status, body) = await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress));

        Assert.Equal(200, status);
        Assert.Equal("0", body.GetProperty("ResponseCode").GetString());
        Assert.StartsWith("ws_CO_", body.GetProperty("CheckoutRequestID").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("MerchantRequestID").GetString()));
        Assert.Equal("Success. Request accepted for processing", body.GetProperty("ResponseDescription").GetString());
        Assert.Equal("Success. Request accepted for processing", body.GetProperty("CustomerMessage").GetString());
        var push = Assert.Single(money.Pushes);
        Assert.Equal((body.GetProperty("CheckoutRequestID").GetString(), TestMoney.Phone, 300m, "04040404040"), (push.CheckoutRequestId, push.Phone, push.Amount, push.AccountReference));
    }

    [Fact]
    public async Task ProcessRequest_WrongPassKey_IsWrongCredentialsAndNothingIsPushed()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());

        var (status, body) = await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress, passKey: "another-passkey"));

        Assert.Equal(500, status);
        Assert.Equal("500.001.1001", body.GetProperty("errorCode").GetString());
        Assert.Empty(money.Pushes);
    }

    [Theory]
    [InlineData("BusinessShortCode", "600000")]
    [InlineData("Timestamp", "2026-11-24 17:00")]
    [InlineData("TransactionType", "Pay Bill")]
    [InlineData("Amount", 0)]
    [InlineData("PhoneNumber", "0711000001")]
    [InlineData("PartyA", "+254711000001")]
    [InlineData("CallBackURL", "not a url")]
    [InlineData("AccountReference", "0123456789012")]
    public async Task ProcessRequest_InvalidField_IsBadRequestNamingIt(string field, object value)
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        var push = TestMoney.Push(gateway.BaseAddress);
        push[field] = value;

        var (status, body) = await TestMoney.PushAsync(money, push);

        Assert.Equal(400, status);
        Assert.Equal("400.002.02", body.GetProperty("errorCode").GetString());
        Assert.Equal($"Bad Request - Invalid {field}", body.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task ProcessRequest_TokenNotIssuedHere_IsInvalidAccessToken()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());

        var (status, body) = await TestMoney.PushAsync(money, TestMoney.Push(gateway.BaseAddress), token: "forged");

        Assert.Equal(401, status);
        Assert.Equal("Invalid Access Token", body.GetProperty("errorMessage").GetString());
    }
}
