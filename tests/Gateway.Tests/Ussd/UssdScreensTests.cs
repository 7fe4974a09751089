using System.Reflection;
using SmsVending.Gateway.Ussd;

namespace SmsVending.Gateway.Tests.Ussd;

public sealed class UssdScreensTests
{
    private static readonly List<string> ThirteenDigitMeters = [.. Enumerable.Range(0, 12).Select(i => $"01234567890{i:00}")];

    public static TheoryData<string> WorstCases()
    {
        var data = new TheoryData<string>();
        foreach (var constant in typeof(UssdScreens).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            data.Add((string)constant.GetRawConstantValue()!);
        }

        foreach (var screen in Enum.GetValues<UssdScreen>())
        {
            foreach (var hasPin in new[] { false, true })
            {
                data.Add(UssdScreens.Show(new UssdState
                {
                    Screen = screen, HasPin = hasPin, Meters = ThirteenDigitMeters, Page = 1, Meter = ThirteenDigitMeters[^1], Amount = 99_999_999.99m,
                    Notice = "Choose a meter by its number.",
                }));
            }
        }

        data.Add(UssdScreens.Balance("KES", -99_999_999.99m));
        data.Add(UssdScreens.MeterList(ThirteenDigitMeters));
        return data;
    }

    [Theory]
    [MemberData(nameof(WorstCases))]
    public void Screen_WorstCase_FitsOnePlainAsciiScreen(string screen)
    {
        Assert.True(screen.Length <= UssdScreens.MaxLength, $"{screen.Length} characters: {screen}");
        Assert.True(screen.All(c => c is '\n' || c is >= ' ' and <= '~'), screen);
        Assert.True(screen.StartsWith("CON ", StringComparison.Ordinal) || screen.StartsWith("END ", StringComparison.Ordinal), screen);
    }

    [Fact]
    public void MeterList_MoreThanFit_CountsTheRest()
    {
        Assert.EndsWith("\n+4 more", UssdScreens.MeterList(ThirteenDigitMeters), StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseMeter_SecondPage_NumbersOnAndOffersMore()
    {
        var screen = UssdScreens.Show(new UssdState { Screen = UssdScreen.ChooseMeter, Meters = ThirteenDigitMeters, Page = 1 });

        Assert.Contains($"6 {ThirteenDigitMeters[5]}", screen, StringComparison.Ordinal);
        Assert.Contains("98 More", screen, StringComparison.Ordinal);
    }
}
