using SmsVending.Gateway.Sms;

namespace SmsVending.Gateway.Tests.Sms;

public class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Count_Gsm7_160ThenParts0f153(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)));
    }

    [Fact]
    public void Count_ExtensionCharacters_CostTwo()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 158) + "€"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "{"));
    }

    [Theory]
    [InlineData("Token 1234 5678 9012 3456 7890 — thanks", 1)]
    [InlineData("Your token is ready ✓", 1)]
    public void Count_AnyCharacterOutsideGsm7_TurnsTheMessageIntoUcs2(string text, int segments)
    {
        Assert.False(SmsSegments.IsGsm7(text));
        Assert.Equal(segments, SmsSegments.Count(text));
        Assert.Equal(2, SmsSegments.Count(text + new string('a', 71 - text.Length)));
    }
}
