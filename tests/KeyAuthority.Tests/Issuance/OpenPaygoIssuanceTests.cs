using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.OpenPaygo;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Issuance;

public sealed class OpenPaygoIssuanceTests : KeyAuthorityTest
{
    private const string Key = "a29ab82edc5fbbc41ec9530f6dac86b1";

    protected override async Task SeedAsync()
    {
        await Authority.Get<KeyAuthority.Meters.MeterStore>().RegisterAsync(new RegisterMeterKey
        {
            MeterNumber = "SHS-0001", Profile = TokenProfile.OpenPaygo, DeviceKey = Key, StartingCode = 123456789, TimeDivider = 1,
        });
    }

    [Fact]
    public async Task Issue_SpecSequence_MatchesTheSpecTokensAndAdvancesTheCount()
    {
        var tokens = new List<IssuedToken>();
        foreach (var (operation, days) in new[] { (TokenOperation.Credit, 1m), (TokenOperation.Credit, 29m), (TokenOperation.SetTime, 7m), (TokenOperation.DisablePayg, 0m) })
        {
            tokens.Add(Assert.Single((await IssueAsync(operation, days)).Issued!.Tokens));
        }

        Assert.Equal(["662486790", "927706818", "942433796", "650975787"], tokens.Select(t => t.Digits));
        Assert.Equal([2, 4, 5, 7], tokens.Select(t => t.Subclass));
    }

    [Fact]
    public async Task Issue_Tokens_AreAcceptedInOrderByTheDevice()
    {
        var device = new OpenPaygoDeviceState { Key = Key, StartingCode = 123456789 };
        for (var i = 1; i <= 10; i++)
        {
            var token = (await IssueAsync(TokenOperation.Credit, i)).Issued!.Tokens[0];
            var entry = OpenPaygoDevice.EnterToken(device, token.Digits, Authority.Clock.GetUtcNow());
            Assert.Equal((OpenPaygoEntryStatus.Valid, i), (entry.Result.Status, entry.Result.Value));
            device = entry.State;
        }
    }

    [Theory]
    [InlineData(TokenOperation.Credit, 996)]
    [InlineData(TokenOperation.SetTime, -1)]
    public async Task Issue_DaysOutOfRange_IsRejected(TokenOperation operation, int days)
    {
        var result = await IssueAsync(operation, days);

        Assert.Equal(TokenRejection.AmountOutOfRange, result.Rejected!.Reason);
    }

    [Fact]
    public async Task Issue_StsManagementToken_IsUnsupported()
    {
        Assert.Equal(TokenRejection.UnsupportedOperation, (await IssueAsync(TokenOperation.ClearTamper, 0)).Rejected!.Reason);
    }

    private Task<IssueResult> IssueAsync(TokenOperation operation, decimal days) =>
        Authority.Get<TokenIssuer>().IssueAsync(new IssueToken(Guid.NewGuid(), "SHS-0001", operation, days, "test"));
}
