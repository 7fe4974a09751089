using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Decoding;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.KeyChanges;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Decoding;

/// <summary>Call-centre decoding: the meter's key and the issuance records explain a token, and no key leaves.</summary>
public abstract class StaffTokenDecoderTests(DatabaseProvider provider) : KeyAuthorityTest(provider)
{
    private string[] meters = [];

    protected override async Task SeedAsync() => meters = await Authority.AddStsMetersAsync(2);

    [Fact]
    public async Task Decode_CreditWeIssued_SaysWhenHowMuchAndForWhichRequest()
    {
        var (id, token) = await IssueAsync(meters[0], TokenOperation.Credit, 12.5m);
        var grouped = StsToken.Parse(token.Digits).ToGroupedString();

        var decoded = (await DecodeAsync(grouped, $"{meters[0][..4]} {meters[0][4..]}")).Decoded!;

        Assert.Equal(new TokenDecoded(meters[0], "credit: electricity", 0, 0, Authority.Clock.GetUtcNow(), 12.5m, "kWh", true, id.ToString()), decoded);
    }

    [Fact]
    public async Task Decode_PowerLimitToken_IsManagementInWatts()
    {
        var (_, token) = await IssueAsync(meters[0], TokenOperation.SetMaximumPowerLimit, 5000m);

        var decoded = (await DecodeAsync(token.Digits, meters[0])).Decoded!;

        Assert.Equal(("management: set maximum power limit", 2, 0, 5000m, "W"), (decoded.Description, decoded.TokenClass, decoded.Subclass, decoded.Amount, decoded.Unit));
    }

    [Fact]
    public async Task Decode_ValidTokenWeNeverIssued_IsNotIssuedByUs()
    {
        var tid = TokenIdentifier.FromTime(Authority.Clock.GetUtcNow().AddDays(-3), BaseDate.Year2014);
        var foreign = new TokenEncoder(TestKeyAuthority.Cipher(meters[0])).Credit(CreditKind.Electricity, TokenAmount.Encode(100), tid, 7);

        var decoded = (await DecodeAsync(foreign.ToString(), meters[0])).Decoded!;

        Assert.Equal((false, null, 10m), (decoded.IssuedByUs, decoded.RequestId, decoded.Amount));
        Assert.Equal(Authority.Clock.GetUtcNow().AddDays(-3), decoded.IssuedAt);
    }

    [Fact]
    public async Task Decode_TokenFromBeforeAKeyChange_IsExplainedFromTheRecords()
    {
        var (oldId, oldToken) = await IssueAsync(meters[0], TokenOperation.Credit, 5m);
        var issuedAt = Authority.Clock.GetUtcNow();
        await Authority.Get<KeyChangeScheduler>().ForMeterAsync(meters[0], new KeyChangePlan(TariffIndex: 2));
        Authority.Clock.Advance(TimeSpan.FromDays(2));
        var (changeId, section) = await IssueAsync(meters[0], TokenOperation.Credit, 7m);

        var old = (await DecodeAsync(oldToken.Digits, meters[0])).Decoded!;
        var first = (await DecodeAsync(section.Digits, meters[0])).Decoded!;

        Assert.Equal((true, oldId.ToString(), issuedAt, 5m), (old.IssuedByUs, old.RequestId, old.IssuedAt, old.Amount));
        Assert.Equal(("key change section 1", true, changeId.ToString()), (first.Description, first.IssuedByUs, first.RequestId));
    }

    [Fact]
    public async Task Decode_AnotherMetersToken_IsRefused()
    {
        var (_, token) = await IssueAsync(meters[0], TokenOperation.Credit, 5m);

        var refused = (await DecodeAsync(token.Digits, meters[1])).Refused!;

        Assert.Equal(meters[1], refused.MeterNumber);
        Assert.Contains($"not a token for meter {meters[1]}", refused.Reason);
    }

    [Theory]
    [InlineData("1234 5678 9012", "a token has 20 digits")]
    [InlineData("99999999990", "no meter 99999999990 is registered")]
    [InlineData("SHS-0001", "OpenPAYGO")]
    public async Task Decode_BadTokenUnknownMeterOrOpenPaygo_IsRefusedSayingWhy(string tokenOrMeter, string reason)
    {
        await Authority.Get<KeyAuthority.Meters.MeterStore>().RegisterAsync(new RegisterMeterKey
        {
            MeterNumber = "SHS-0001", Profile = TokenProfile.OpenPaygo, DeviceKey = "a29ab82edc5fbbc41ec9530f6dac86b1", StartingCode = 123456789,
        });
        var (_, token) = await IssueAsync(meters[0], TokenOperation.Credit, 5m);
        var request = tokenOrMeter.Contains(' ') ? new DecodeToken(tokenOrMeter, meters[0]) : new DecodeToken(token.Digits, tokenOrMeter);

        var refused = (await Authority.Get<StaffTokenDecoder>().DecodeAsync(request)).Refused!;

        Assert.Contains(reason, refused.Reason);
    }

    private Task<(TokenDecoded? Decoded, TokenDecodeRefused? Refused)> DecodeAsync(string token, string meter) =>
        Authority.Get<StaffTokenDecoder>().DecodeAsync(new DecodeToken(token, meter));

    /// <summary>Issues a token; returns the request id and the first token (a key change's first section when one is due).</summary>
    private async Task<(Guid Id, IssuedToken Token)> IssueAsync(string meter, TokenOperation operation, decimal amount)
    {
        var id = Guid.NewGuid();
        var issued = await Authority.Get<TokenIssuer>().IssueAsync(new IssueToken(id, meter, operation, amount, "vending"));
        return (id, issued.Issued!.Tokens[0]);
    }
}

public sealed class SqliteStaffTokenDecoderTests() : StaffTokenDecoderTests(DatabaseProvider.Sqlite);

public sealed class PostgresStaffTokenDecoderTests() : StaffTokenDecoderTests(DatabaseProvider.Postgres);
