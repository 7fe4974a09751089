using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Sms;

/// <summary>REG and PIN by SMS, answered through Vending and the KeyAuthority.</summary>
public sealed class SmsAccountCommandTests : GatewayTest
{
    private const string NewPhone = "+254733444555";
    private static readonly string Meter = MeterNumber.Create("0300000001").Digits;

    [Fact]
    public async Task Reg_WithTheRightCode_LinksANewPhoneThatCanThenAskForItsMeters()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await AddMeterWithCodeAsync(gateway, "842731");
        var reg = gateway.NewMessageSid();

        await gateway.PostSmsAsync(NewPhone, $"reg {Meter[..5]} {Meter[5..]} 842731", reg);
        var linked = await gateway.ReplyToAsync(NewPhone, reg);
        var meters = gateway.NewMessageSid();
        await gateway.PostSmsAsync(NewPhone, "METERS", meters);

        Assert.Equal($"Meter {Meter} is linked to this phone. To buy: BUY {Meter} <amount>", linked.Body);
        Assert.Equal($"Your meters: {Meter}", (await gateway.ReplyToAsync(NewPhone, meters)).Body);
        Assert.Equal($"REG {Meter[..5]} {Meter[5..]} ****", (await gateway.Services.GetRequiredService<Gateway.Staff.MessageSearch>()
            .FindAsync(new Gateway.Staff.MessageQuery(Reference: reg))).Single(m => m.Direction == "in").Body.ToUpperInvariant());
    }

    [Fact]
    public async Task Reg_WithAWrongCode_SaysHowManyTriesAreLeft()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await AddMeterWithCodeAsync(gateway, "842731");
        var reg = gateway.NewMessageSid();

        await gateway.PostSmsAsync(NewPhone, $"REG {Meter} 111111", reg);

        Assert.Equal($"Wrong registration code for meter {Meter}. 4 tries left.", (await gateway.ReplyToAsync(NewPhone, reg)).Body);
    }

    [Fact]
    public async Task Reg_ForADemoMeterWithoutACode_SaysToCallCustomerCare()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var demoMeter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;
        var reg = gateway.NewMessageSid();

        await gateway.PostSmsAsync(NewPhone, $"REG {demoMeter} 123456", reg);

        Assert.Equal($"Meter {demoMeter} has no registration code. Call customer care.", (await gateway.ReplyToAsync(NewPhone, reg)).Body);
    }

    [Fact]
    public async Task Pin_FirstSetWith0000_ThenABuyNeedsIt()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var phone = DemoData.Customers[0].Phone;
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(phone, 1000m);
        var (set, wrong, buy) = (gateway.NewMessageSid(), gateway.NewMessageSid(), gateway.NewMessageSid());

        await gateway.PostSmsAsync(phone, "PIN 0000 2468", set);
        var changed = await gateway.ReplyToAsync(phone, set);
        await gateway.PostSmsAsync(phone, "PIN 0000 1357", wrong);
        var refused = await gateway.ReplyToAsync(phone, wrong);
        await gateway.PostSmsAsync(phone, "BUY 300", buy);

        Assert.Equal("Your PIN is changed.", changed.Body);
        Assert.Equal("Wrong old PIN. If you never set one, use 0000.", refused.Body);
        Assert.StartsWith("Add your PIN", (await gateway.ReplyToAsync(phone, buy)).Body);
    }

    /// <summary>A meter with a registration code, as an admin would add one: key record in the KeyAuthority, meter in Vending.</summary>
    private static async Task AddMeterWithCodeAsync(EmbeddedGateway gateway, string code)
    {
        await gateway.DemoCustomerAsync(); // the demo tariff and vending key exist
        using var scope = gateway.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<IRequestClient<RegisterMeterKey>>().GetResponse<MeterKeyRegistered, MeterKeyRegistrationRefused>(
            new RegisterMeterKey { MeterNumber = Meter, SupplyGroupCode = 600001, TariffIndex = 1, RegistrationCode = code });
        Assert.True(keys.Is(out Response<MeterKeyRegistered>? _));
        var meter = await scope.ServiceProvider.GetRequiredService<IRequestClient<AddVendingMeter>>().GetResponse<VendingMeterAdded, AdminRequestRefused>(
            new AddVendingMeter(Meter, "electricity", TokenProfile.Sts, DemoData.Tariff.Id));
        Assert.True(meter.Is(out Response<VendingMeterAdded>? _));
    }
}
