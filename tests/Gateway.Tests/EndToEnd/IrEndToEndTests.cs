using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Tests.Support;
using SmsVending.KeyAuthority.Storage;
using SmsVending.MeterEmulator.Ir;
using Dapper;

namespace SmsVending.Gateway.Tests.EndToEnd;

/// <summary>The IR path end to end: the emulated meter's IR port and the phone relay against the embedded Gateway on loopback, with the
/// purchase run by Vending and the KeyAuthority as any other.</summary>
public sealed class IrEndToEndTests(IrGateway gateway) : IClassFixture<IrGateway>
{
    private const decimal Amount = 200m;

    [Fact]
    public async Task Buy_OverIr_TheMeterCreditsItselfAndTheWalletPaysOnce()
    {
        var (meter, phone) = await gateway.NewMeterAsync();

        var result = await new IrPurchase(gateway.Http).RunAsync(meter, new IrPurchaseOrder(phone, Amount));

        Assert.True(result.Status == IrPurchaseStatus.Credited, string.Join("; ", result.Notes));
        Assert.All(result.Entries, e => Assert.Equal(MeterEmulator.Meters.MeterResult.Accept, e.Result));
        Assert.Equal(result.Confirmation!.Units, result.State.Credit);
        Assert.True(result.State.Credit > 0);
        var (purchases, wallet) = await gateway.AccountAsync(phone);
        var purchase = Assert.Single(purchases);
        Assert.StartsWith("ir:", purchase.Reference);
        Assert.Equal(("issued", Amount), (purchase.Status, purchase.Amount));
        Assert.True(wallet is < 1000m and > 1000m - Amount - 1m, $"wallet {wallet}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Buy_FrameTamperedBeforeTheDecision_IsRefusedAndNothingIsCharged(int frame)
    {
        var (meter, phone) = await gateway.NewMeterAsync();

        var result = await new IrPurchase(gateway.Http).RunAsync(meter, new IrPurchaseOrder(phone, Amount) { TamperFrame = frame });

        Assert.Equal(IrPurchaseStatus.FrameRefused, result.Status);
        Assert.Contains(result.Notes, n => n.Contains("refused by the", StringComparison.Ordinal));
        Assert.Equal(0m, result.State.Credit);
        Assert.Equal((0, 1000m), await CountAndWalletAsync(phone));
    }

    [Fact]
    public async Task Buy_ConfirmationTampered_TheMeterRefusesItAndCreditsTheSameConfirmationFetchedAgain()
    {
        var (meter, phone) = await gateway.NewMeterAsync();

        var result = await new IrPurchase(gateway.Http).RunAsync(meter, new IrPurchaseOrder(phone, Amount) { TamperFrame = 4 });

        Assert.Equal(IrPurchaseStatus.Credited, result.Status);
        Assert.Contains(result.Notes, n => n.StartsWith("frame 4 refused by the meter", StringComparison.Ordinal));
        Assert.True(result.State.Credit > 0);
        Assert.Single((await gateway.AccountAsync(phone)).Purchases);
    }

    [Fact]
    public async Task Request_ResentAfterTheDecision_GetsTheSameConfirmation_WhichTheMeterTakesOnce()
    {
        var (meter, phone) = await gateway.NewMeterAsync();
        using var port = new IrMeterPort(meter, TimeProvider.System);
        port.HostHello(await PostAsync(port.Hello()));
        var request = port.Request(phone, Amount);

        var first = await EventuallyAnsweredAsync(request);
        var second = await PostAsync(request);

        Assert.Equal(first, second);
        Assert.True(port.Confirm(first).Credit > 0);
        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => port.Confirm(second)).Reason);
        Assert.Single((await gateway.AccountAsync(phone)).Purchases);
    }

    [Fact]
    public async Task Buy_MeterSigningWithAnotherKeyThanRegistered_IsRefusedByTheHost()
    {
        var (meter, phone) = await gateway.NewMeterAsync();
        var impostor = meter with { IrIdentityKey = IrEnrolment.NewIdentityKey() };

        var result = await new IrPurchase(gateway.Http).RunAsync(impostor, new IrPurchaseOrder(phone, Amount));

        Assert.Equal(IrPurchaseStatus.FrameRefused, result.Status);
        Assert.Contains(result.Notes, n => n.Contains("frame 3 refused by the host: 403 BadSignature", StringComparison.Ordinal));
        Assert.Equal((0, 1000m), await CountAndWalletAsync(phone));
    }

    [Fact]
    public async Task Buy_MeterWhoseKeyWasNeverRegistered_IsRefusedAtItsHello()
    {
        var (enrolled, _) = await gateway.NewMeterAsync(funds: 0);
        var (meter, phone) = await gateway.NewMeterAsync(enrol: false);

        var result = await new IrPurchase(gateway.Http).RunAsync(meter with { IrHostKey = enrolled.IrHostKey }, new IrPurchaseOrder(phone, Amount));

        Assert.Equal(IrPurchaseStatus.FrameRefused, result.Status);
        Assert.Contains(result.Notes, n => n.Contains("frame 1 refused by the host: 404 UnknownMeter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Buy_WalletTooSmall_TheHostRefusesInASignedConfirmationAndTheMeterStaysAsItWas()
    {
        var (meter, phone) = await gateway.NewMeterAsync(funds: 0);

        var result = await new IrPurchase(gateway.Http).RunAsync(meter, new IrPurchaseOrder(phone, Amount));

        Assert.Equal(IrPurchaseStatus.PurchaseRefused, result.Status);
        Assert.Equal((int)PurchaseRejection.InsufficientBalance, result.Confirmation!.Reason);
        Assert.Equal(0m, result.State.Credit);
    }

    [Fact]
    public async Task IrBuyCommand_BuysForTheOwnerAndSavesTheCreditedMeter()
    {
        var (meter, phone) = await gateway.NewMeterAsync();
        var state = Path.Combine(Path.GetTempPath(), $"ir-meter-{Guid.NewGuid():N}.json");
        MeterEmulator.Meters.StateFile.Save(state, meter with { IrHostKey = null }); // enrolled again on the way: the same key, accepted
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var root = new System.CommandLine.RootCommand { IrCommand.Create(output, error, TimeProvider.System) };

            var code = await root.Parse(["ir", "buy", "--state", state, "--gateway", gateway.Url.AbsoluteUri, "--credentials", gateway.CredentialsFile,
                "--amount", "150", "--json"]).InvokeAsync();

            Assert.True(code == 0, $"{output}{error}");
            Assert.Contains("\"status\":\"Credited\"", output.ToString());
            Assert.True(MeterEmulator.Meters.StateFile.Load<MeterEmulator.Meters.StsMeterState>(state).Credit > 0);
            Assert.Equal(150m, Assert.Single((await gateway.AccountAsync(phone)).Purchases).Amount);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task Relay_RefusesWrongMediaOversizedMalformedAndHostFrames()
    {
        using var form = new StringContent("frame", System.Text.Encoding.UTF8, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await gateway.Http.PostAsync("/ir/frames", form)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await StatusAsync(new byte[IrFrame.MaxLength + 1]));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(new IrFrame(IrFrameType.Confirmation, new byte[16], [1]).Encode()));
    }

    [Fact]
    public async Task Relay_TooManyHellosForOneMeter_AreRefused()
    {
        var (meter, _) = await gateway.NewMeterAsync(funds: 0);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var hello = IrHandshake.Hello(meter.MeterNumber);
            statuses.Add(await StatusAsync(hello.Frame));
        }

        Assert.All(statuses[..10], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        await using var connection = await gateway.Embedded.Services.GetRequiredService<KeyAuthorityDatabase>().OpenAsync();
        Assert.Equal(10, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ka_ir_sessions WHERE meter_number = @m", new { m = meter.MeterNumber }));
    }

    private async Task<(int Purchases, decimal Wallet)> CountAndWalletAsync(string phone)
    {
        var (purchases, wallet) = await gateway.AccountAsync(phone);
        return (purchases.Count, wallet);
    }

    private async Task<HttpStatusCode> StatusAsync(byte[] frame)
    {
        using var response = await gateway.Http.PostAsync("/ir/frames", Octets(frame));
        return response.StatusCode;
    }

    private async Task<byte[]> PostAsync(byte[] frame)
    {
        using var response = await gateway.Http.PostAsync("/ir/frames", Octets(frame));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<byte[]> EventuallyAnsweredAsync(byte[] request) => await EmbeddedGateway.EventuallyAsync(async () =>
    {
        using var response = await gateway.Http.PostAsync("/ir/frames", Octets(request));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            // At the pace the host asks for, as a phone polls: faster, a slow decision could use up the session's frames first.
            await Task.Delay(IrRelayLink.PendingRetryAfter(await response.Content.ReadAsStringAsync()));
            return null;
        }

        return await response.Content.ReadAsByteArrayAsync();
    }, "the host's confirmation");

    private static ByteArrayContent Octets(byte[] frame)
    {
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
