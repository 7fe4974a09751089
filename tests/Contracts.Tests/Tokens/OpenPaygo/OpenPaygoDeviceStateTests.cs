using System.Text.Json;
using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class OpenPaygoDeviceStateTests
{
    private static readonly OpenPaygoDeviceState Sample = new()
    {
        Key = "a29ab82edc5fbbc41ec9530f6dac86b1",
        StartingCode = 123456789,
        LastCount = 42,
        UsedCounts = 0x8421,
        TimeDivider = 24,
        Restricted = true,
        Extended = true,
        InvalidCount = 3,
        LockedUntil = new DateTimeOffset(2025, 3, 1, 12, 4, 0, TimeSpan.Zero),
        ActiveUntil = new DateTimeOffset(2025, 3, 9, 0, 0, 0, TimeSpan.FromHours(3)),
        PaygDisabled = false,
    };

    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var json = JsonSerializer.Serialize(Sample);

        Assert.Equal(Sample, JsonSerializer.Deserialize<OpenPaygoDeviceState>(json));
    }

    [Fact]
    public void ToString_Always_LeavesTheKeyOut()
    {
        var text = Sample.ToString();

        Assert.DoesNotContain("a29ab82e", text, StringComparison.Ordinal);
        Assert.Contains("LastCount = 42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IsActive_ByCreditOrDisabledPayg_TrueOnlyBeforeActiveUntil()
    {
        var until = Sample.ActiveUntil!.Value;

        Assert.True(Sample.IsActive(until.AddTicks(-1)));
        Assert.False(Sample.IsActive(until));
        Assert.False((Sample with { ActiveUntil = null }).IsActive(until));
        Assert.True((Sample with { PaygDisabled = true }).IsActive(until.AddYears(10)));
    }
}
