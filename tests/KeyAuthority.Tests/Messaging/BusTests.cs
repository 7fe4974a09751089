using SmsVending.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Messaging;

/// <summary>The KeyAuthority answering over MassTransit's in-memory test harness, as Vending will ask it.</summary>
public sealed class BusTests : KeyAuthorityTest
{
    private ITestHarness harness = null!;

    protected override Task<TestKeyAuthority> StartAsync(TestDatabase database) => TestKeyAuthority.StartAsync(database,
        s => s["KeyAuthority:ManufacturingExport"] = "true", services: new ServiceCollection().AddTestHarness(x => x.AddKeyAuthorityConsumers()));

    protected override async Task SeedAsync()
    {
        harness = Authority.Get<ITestHarness>();
        await harness.Start();
    }

    [Fact]
    public async Task IssueToken_KnownMeter_RespondsWithTokens()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        var client = harness.GetRequestClient<IssueToken>();

        var response = await client.GetResponse<TokenSetIssued, TokenRequestRejected>(new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 12.5m, "vending"));

        Assert.True(response.Is(out Response<TokenSetIssued>? issued));
        Assert.Equal(12.5m, TokenDecoder.Decode(StsToken.Parse(issued!.Message.Tokens[0].Digits), TestKeyAuthority.Cipher(meter)).Amount);
        Assert.True(await harness.Consumed.Any<IssueToken>());
        Assert.True(await harness.NonePublishedAsync<Fault<IssueToken>>());
    }

    [Fact]
    public async Task IssueToken_UnknownMeter_RespondsWithATypedRejection()
    {
        var client = harness.GetRequestClient<IssueToken>();

        var response = await client.GetResponse<TokenSetIssued, TokenRequestRejected>(new IssueToken(Guid.NewGuid(), "99999999990", TokenOperation.Credit, 1, "vending"));

        Assert.True(response.Is(out Response<TokenRequestRejected>? rejected));
        Assert.Equal(TokenRejection.UnknownMeter, rejected!.Message.Reason);
        Assert.True(await harness.NonePublishedAsync<Fault<IssueToken>>());
    }

    [Fact]
    public async Task RegisterThenExport_ManufacturingRole_GetsTheDecoderKey()
    {
        await Authority.AddStsMetersAsync(1);
        var meter = MeterNumber.Create("0700000000").Digits;

        var registered = await harness.GetRequestClient<RegisterMeterKey>().GetResponse<MeterKeyRegistered, MeterKeyRegistrationRefused>(
            new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = TestKeyAuthority.SupplyGroup, TariffIndex = 1 });
        var exported = await harness.GetRequestClient<ExportMeterKey>().GetResponse<MeterKeyExported, MeterKeyExportRefused>(
            new ExportMeterKey(meter, "factory-1", "manufacturing"));
        var refused = await harness.GetRequestClient<ExportMeterKey>().GetResponse<MeterKeyExported, MeterKeyExportRefused>(
            new ExportMeterKey(meter, "agent-7", "agent"));

        Assert.True(registered.Is(out Response<MeterKeyRegistered>? _));
        Assert.True(exported.Is(out Response<MeterKeyExported>? key));
        var expected = DecoderKeyGeneration.Dkga02(TestKeyAuthority.VendingKey,
            new KeyIdentity(MeterNumber.Parse(meter), TestKeyAuthority.SupplyGroup, 1, 1, KeyType.Unique, BaseDate.Year2014));
        Assert.Equal(expected.ToHex(), key!.Message.KeyHex);
        Assert.True(refused.Is(out Response<MeterKeyExportRefused>? no));
        Assert.Contains("manufacturing role", no!.Message.Reason);
        Assert.Equal(RefusalKind.Forbidden, no.Message.Kind);
    }

    [Theory]
    [InlineData("01234567897", RefusalKind.NotFound, "no meter 01234567897 is registered")]
    [InlineData("01234567890", RefusalKind.Invalid, "check digit")] // mistyped: the hint, as everywhere else a meter is looked up
    public async Task ExportMeterKey_NoSuchMeter_IsRefusedAsNotFoundOrAsMistyped(string meter, RefusalKind kind, string reason)
    {
        var refused = await harness.GetRequestClient<ExportMeterKey>().GetResponse<MeterKeyExportRefused>(new ExportMeterKey(meter, "factory-1", "manufacturing"));

        Assert.Equal(kind, refused.Message.Kind);
        Assert.Contains(reason, refused.Message.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyMeterCredential_AnswersWithTheOutcome()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        await Authority.Get<KeyAuthority.Credentials.CredentialVerifier>().SetAsync(meter, "2468");

        var response = await harness.GetRequestClient<VerifyMeterCredential>().GetResponse<MeterCredentialChecked>(new VerifyMeterCredential(meter, "2468"));

        Assert.Equal(CredentialOutcome.Verified, response.Message.Outcome);
    }

    [Fact]
    public async Task ImportMeterKeys_GoodCsv_RespondsWithTheCount()
    {
        var client = harness.GetRequestClient<ImportMeterKeys>();

        var response = await client.GetResponse<MeterKeysImported, MeterKeysImportRefused>(new ImportMeterKeys("meter,sgc,ti\n01234567897,123456,1\n"));

        Assert.True(response.Is(out Response<MeterKeysImported>? imported));
        Assert.Equal(1, imported!.Message.Count);
        Assert.True(await harness.NonePublishedAsync<Fault<ImportMeterKeys>>());
    }

    [Fact]
    public async Task ImportMeterKeys_BadLine_RespondsWithTheLineAndStoresNothing()
    {
        var client = harness.GetRequestClient<ImportMeterKeys>();

        var response = await client.GetResponse<MeterKeysImported, MeterKeysImportRefused>(
            new ImportMeterKeys("meter,sgc,ti\n01234567897,123456,1\n01234567890,123456,1\n"));

        Assert.True(response.Is(out Response<MeterKeysImportRefused>? refused));
        Assert.Equal(3, refused!.Message.Line);
        Assert.Contains("check digit", refused.Message.Reason);
        Assert.Equal(RefusalKind.Invalid, refused.Message.Kind);
        Assert.Null(await Authority.Get<KeyAuthority.Meters.MeterStore>().FindAsync("01234567897"));
    }

    [Fact]
    public async Task ImportMeterKeys_AMeterRegisteredAlready_IsAConflictOnItsLine_AndRegisteringItAgainIsToo()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var imported = await harness.GetRequestClient<ImportMeterKeys>().GetResponse<MeterKeysImported, MeterKeysImportRefused>(
            new ImportMeterKeys($"meter,sgc,ti\n01234567897,123456,1\n{meter},{TestKeyAuthority.SupplyGroup},1\n"));
        var registered = await harness.GetRequestClient<RegisterMeterKey>().GetResponse<MeterKeyRegistered, MeterKeyRegistrationRefused>(
            new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = TestKeyAuthority.SupplyGroup, TariffIndex = 1 });

        Assert.True(imported.Is(out Response<MeterKeysImportRefused>? refused));
        Assert.Equal((3, RefusalKind.Conflict), (refused!.Message.Line, refused.Message.Kind));
        Assert.True(registered.Is(out Response<MeterKeyRegistrationRefused>? again));
        Assert.Equal(RefusalKind.Conflict, again!.Message.Kind);
        Assert.Contains("registered already", again.Message.Reason);
    }

    [Fact]
    public async Task DecodeToken_IssuedToken_RespondsTokenDecoded()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        var issued = await harness.GetRequestClient<IssueToken>().GetResponse<TokenSetIssued, TokenRequestRejected>(
            new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 3m, "vending"));
        Assert.True(issued.Is(out Response<TokenSetIssued>? tokens));

        var response = await harness.GetRequestClient<DecodeToken>().GetResponse<TokenDecoded, TokenDecodeRefused>(new DecodeToken(tokens!.Message.Tokens[0].Digits, meter));

        Assert.True(response.Is(out Response<TokenDecoded>? decoded));
        Assert.Equal((3m, true), (decoded!.Message.Amount, decoded.Message.IssuedByUs));
        Assert.True(await harness.NonePublishedAsync<Fault<DecodeToken>>());
    }
}

public sealed class ManufacturingExportOffTests : KeyAuthorityTest
{
    [Fact]
    public async Task Export_ByDefault_IsRefused()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var (key, refusal) = await Authority.Get<KeyAuthority.Keys.ManufacturingExport>().ExportAsync(new ExportMeterKey(meter, "factory", "manufacturing"));

        Assert.Null(key);
        Assert.Contains("turned off", refusal!.Reason);
        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
    }
}
