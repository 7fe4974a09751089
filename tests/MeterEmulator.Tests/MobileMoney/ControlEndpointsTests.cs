using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Tests.MobileMoney;

public class ControlEndpointsTests
{
    [Fact]
    public async Task PutCustomer_BehaviourByNameAndBalance_AreInEffect()
    {
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings());
        using var http = TestMoney.Client(money);

        using var response = await http.PutAsJsonAsync("/emulator/customers/+254711000001", new { behaviour = "Cancels", balance = 42.5m });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CustomerBehaviour.Cancels, money.Customers.BehaviourOf(TestMoney.Phone));
        Assert.Equal(42.5m, money.Customers.BalanceOf(TestMoney.Phone));
    }

    [Fact]
    public async Task PostC2b_PaysThePaybillAndAnswersWithTheGatewaysAnswers()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress) with { ValidateC2b = false });
        using var http = TestMoney.Client(money);

        using var response = await http.PostAsJsonAsync("/emulator/c2b", new { phone = TestMoney.Phone, account = "04040404040", amount = 100m });
        var payment = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((await gateway.NextAsync()).Body.GetProperty("TransID").GetString(), payment.GetProperty("transId").GetString());
        Assert.Equal("""{"ResultCode":0,"ResultDesc":"Success"}""", payment.GetProperty("confirmations")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task PostC2b_WalletTooSmall_Is409()
    {
        await using var gateway = await JsonReceiver.StartAsync();
        await using var money = await MobileMoneyHost.StartAsync(TestMoney.Settings(gateway.BaseAddress));
        money.Customers.SetBalance(TestMoney.Phone, 1m);
        using var http = TestMoney.Client(money);

        using var response = await http.PostAsJsonAsync("/emulator/c2b", new { phone = TestMoney.Phone, account = "04040404040", amount = 100m });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
