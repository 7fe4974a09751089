using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Messaging;

/// <summary>Vending's consumers on the bus, with the real KeyAuthority answering them.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private const string Phone = "+254712345678";
    private TestVending system = null!;

    public async Task InitializeAsync() => system = await TestVending.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task PurchaseRequested_PublishesTokenIssuedAndNoFault()
    {
        var (_, meters) = await system.SeedAsync();
        await system.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 250m);

        await system.Harness.Bus.Publish(request);

        Assert.True(await system.Harness.Published.Any<TokenIssued>(m => m.Context.Message.IdempotencyKey == request.IdempotencyKey));
        Assert.False(await system.Harness.Published.Any<Fault<PurchaseRequested>>());
    }

    [Fact]
    public async Task PurchaseRequested_Refused_PublishesTheRejection()
    {
        await system.SeedAsync();
        var request = TestVending.Sms(Phone, null, 250m);

        await system.Harness.Bus.Publish(request);

        Assert.True(await system.Harness.Published.Any<PurchaseRejected>(m =>
            m.Context.Message.IdempotencyKey == request.IdempotencyKey && m.Context.Message.Reason == PurchaseRejection.InsufficientBalance));
    }

    [Fact]
    public async Task PaymentReceived_ForAMeter_PublishesTheTokens()
    {
        var (_, meters) = await system.SeedAsync();

        await system.Harness.Bus.Publish(new PaymentReceived("QK7H2XYZ9", "254712345678", meters[0], 500m, "KES", "{}"));

        Assert.True(await system.Harness.Published.Any<TokenIssued>(m => m.Context.Message.IdempotencyKey == "payment:QK7H2XYZ9"));
        Assert.False(await system.Harness.Published.Any<Fault<PaymentReceived>>());
    }
}
