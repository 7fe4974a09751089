using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class SmsSegmentCountTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 1)]
    [InlineData("a{160}", 1)]
    [InlineData("a{161}", 2)]
    [InlineData("a{306}", 2)]
    [InlineData("a{307}", 3)]
    [InlineData("a{159}€", 2)]
    [InlineData("a{158}€", 1)]
    [InlineData("✓a{69}", 1)]
    [InlineData("✓a{70}", 2)]
    [InlineData("✓a{134}", 3)]
    public void Of_Text_CountsGsm7OrUcs2Segments(string pattern, int segments)
    {
        Assert.Equal(segments, SmsSegmentCount.Of(Expand(pattern)));
    }

    // "a{160}" is 160 a's; anything else stays as written.
    private static string Expand(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"(.)\{(\d+)\}", m => new string(m.Groups[1].Value[0], int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
}
