using MassTransit;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Messaging;

/// <summary>Vending's consumers on the bus, with the real KeyAuthority answering them.</summary>
public sealed class ConsumerTests : VendingTest
{
    private const string Phone = "+254712345678";

    [Fact]
    public async Task PurchaseRequested_PublishesTokenIssuedAndNoFault()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 250m);

        await App.Harness.Bus.Publish(request);

        Assert.True(await App.Harness.Published.Any<TokenIssued>(m => m.Context.Message.IdempotencyKey == request.IdempotencyKey));
        Assert.True(await App.Harness.NonePublishedAsync<Fault<PurchaseRequested>>());
        Assert.True(await App.Harness.NonePublishedAsync<IrPurchaseOutcome>()); // not an IR session's: the IR host is not told
    }

    [Fact]
    public async Task PurchaseRequested_OfAnIrSession_AlsoPublishesItsTokensForTheIrHost()
    {
        var (_, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 250m, key: IrPurchaseKey.Of("5e55104a")) with { Channel = "ir" };

        await App.Harness.Bus.Publish(request);

        Assert.True(await App.Harness.Published.Any<IrPurchaseOutcome>(m => m.Context.Message.SessionId == "5e55104a"
            && m.Context.Message.Issued!.IdempotencyKey == request.IdempotencyKey && m.Context.Message.Issued.Tokens.Count > 0 && m.Context.Message.Rejected is null));
        Assert.True(await App.Harness.Published.Any<TokenIssued>(m => m.Context.Message.IdempotencyKey == request.IdempotencyKey)); // the SMS still goes
    }

    [Fact]
    public async Task PurchaseRequested_OfAnIrSession_Refused_PublishesTheRefusalForTheIrHost()
    {
        await App.SeedAsync();
        var request = TestVending.Sms(Phone, null, 250m, key: IrPurchaseKey.Of("5e55104b")) with { Channel = "ir" };

        await App.Harness.Bus.Publish(request);

        Assert.True(await App.Harness.Published.Any<IrPurchaseOutcome>(m => m.Context.Message.SessionId == "5e55104b"
            && m.Context.Message.Rejected!.Reason == PurchaseRejection.InsufficientBalance && m.Context.Message.Issued is null));
    }

    [Fact]
    public async Task PurchaseRequested_Refused_PublishesTheRejection()
    {
        await App.SeedAsync();
        var request = TestVending.Sms(Phone, null, 250m);

        await App.Harness.Bus.Publish(request);

        Assert.True(await App.Harness.Published.Any<PurchaseRejected>(m =>
            m.Context.Message.IdempotencyKey == request.IdempotencyKey && m.Context.Message.Reason == PurchaseRejection.InsufficientBalance));
    }

    [Fact]
    public async Task PaymentReceived_ForAMeter_PublishesTheTokens()
    {
        var (_, meters) = await App.SeedAsync();

        await App.Harness.Bus.Publish(new PaymentReceived("QK7H2XYZ9", "254712345678", meters[0], 500m, "KES", "{}"));

        Assert.True(await App.Harness.Published.Any<TokenIssued>(m => m.Context.Message.IdempotencyKey == "payment:QK7H2XYZ9"));
        Assert.True(await App.Harness.NonePublishedAsync<Fault<PaymentReceived>>());
    }

    [Fact]
    public async Task LinkMeter_RespondsMeterLinked()
    {
        var meter = await App.AddMeterAsync(500, "2468");

        var response = await App.Harness.GetRequestClient<LinkMeter>().GetResponse<MeterLinked, MeterLinkRefused>(
            new LinkMeter("SM1", "+254722000111", meter, "2468"));

        Assert.True(response.Is(out Response<MeterLinked>? linked));
        Assert.Equal([meter], linked!.Message.Meters);
        Assert.True(await App.Harness.NonePublishedAsync<Fault<LinkMeter>>());
    }

    [Fact]
    public async Task ChangePin_WrongOldPin_RespondsPinChangeRefused()
    {
        await App.SeedAsync(pin: "4321");

        var response = await App.Harness.GetRequestClient<ChangePin>().GetResponse<PinChanged, PinChangeRefused>(new ChangePin("SM2", Phone, "1111", "2468"));

        Assert.True(response.Is(out Response<PinChangeRefused>? refused));
        Assert.Equal(PinRefusal.WrongPin, refused!.Message.Reason);
    }

    [Fact]
    public async Task CheckMeterAccount_RespondsMeterAccountChecked()
    {
        var (_, meters) = await App.SeedAsync();

        var response = await App.Harness.GetRequestClient<CheckMeterAccount>().GetResponse<MeterAccountChecked>(new CheckMeterAccount(meters[0], 500m));

        Assert.True(response.Message.Accepted);
    }
}
