using System.Reflection;
using SmsVending.Gateway.Ussd;

namespace SmsVending.Gateway.Tests.Ussd;

public sealed class UssdScreensTests
{
    private static readonly string[] Languages = [UssdScreens.English, "sw"];

    private static readonly List<string> ThirteenDigitMeters = [.. Enumerable.Range(0, 12).Select(i => $"01234567890{i:00}")];

    // So many meters that the numbers on the meter list take four digits, and the page still offers "98 More".
    private static readonly List<string> ManyMeters = [.. Enumerable.Range(0, 10_000).Select(i => $"0123456{i:000000}")];

    /// <summary>Every screen in each language with the longest values its parameters can take (each screen once).</summary>
    public static TheoryData<string, string> WorstCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, language, screen) in Screens().Distinct())
        {
            data.Add($"{method}({language})", screen);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WorstCases))]
    public void Screen_WorstCase_FitsOnePlainAsciiScreen(string name, string screen)
    {
        Assert.True(screen.Length <= UssdScreens.MaxLength, $"{name}: {screen.Length} characters: {screen}");
        Assert.True(screen.All(c => c is '\n' || c is >= ' ' and <= '~'), $"{name}: {screen}");
        Assert.True(screen.StartsWith("CON ", StringComparison.Ordinal) || screen.StartsWith("END ", StringComparison.Ordinal), $"{name}: {screen}");
    }

    [Fact]
    public void Screens_InSwahili_DifferFromEnglishEverywhere()
    {
        var english = Screens().Where(s => s.Language == UssdScreens.English).ToList();
        var swahili = Screens().Where(s => s.Language == "sw").ToList();

        Assert.Equal(english.Count, swahili.Count);
        Assert.All(english.Zip(swahili), pair => Assert.NotEqual(pair.First.Screen, pair.Second.Screen));
    }

    [Theory]
    [InlineData("en", "\n+4 more")]
    [InlineData("sw", "\n+4 zaidi")]
    public void MeterList_MoreThanFit_CountsTheRest(string language, string rest)
    {
        Assert.EndsWith(rest, UssdScreens.MeterList(language, ThirteenDigitMeters), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "98 More")]
    [InlineData("sw", "98 Zaidi")]
    public void ChooseMeter_SecondPage_NumbersOnAndOffersMore(string language, string more)
    {
        var screen = UssdScreens.Show(new UssdState { Language = language, Screen = UssdScreen.ChooseMeter, Meters = ThirteenDigitMeters, Page = 1 });

        Assert.Contains($"6 {ThirteenDigitMeters[5]}", screen, StringComparison.Ordinal);
        Assert.Contains(more, screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_LanguageNotKnown_IsEnglish()
    {
        Assert.Equal(UssdScreens.Show(new UssdState()), UssdScreens.Show(new UssdState { Language = "fr" }));
    }

    // Every public method of UssdScreens in each language, so a new screen is covered without touching this test.
    private static IEnumerable<(string Method, string Language, string Screen)> Screens() =>
        from method in typeof(UssdScreens).GetMethods(BindingFlags.Public | BindingFlags.Static)
        where method.ReturnType == typeof(string)
        from language in Languages
        from args in Arguments(method.GetParameters(), language)
        select (method.Name, language, (string)method.Invoke(null, args)!);

    // Each parameter's worst values; one call per combination.
    private static IEnumerable<object[]> Arguments(ParameterInfo[] parameters, string language)
    {
        IEnumerable<object[]> calls = [[]];
        foreach (var parameter in parameters)
        {
            object[] values = parameter.ParameterType == typeof(UssdState) ? [.. States(language)]
                : parameter.ParameterType == typeof(decimal) ? [decimal.MinValue, decimal.MaxValue]
                : parameter.ParameterType == typeof(IReadOnlyList<string>) ? [ManyMeters, ThirteenDigitMeters, new List<string>()]
                : parameter.Name == "language" ? [language]
                : parameter.Name == "currency" ? ["KES"]
                : throw new InvalidOperationException($"No worst case for {parameter.Name}: add one here.");
            calls = [.. calls.SelectMany(call => values.Select(value => (object[])[.. call, value]))];
        }

        return calls;
    }

    // Every screen, with and without a PIN, with each reason for asking again (or none), on the last page of many meters.
    private static IEnumerable<UssdState> States(string language) =>
        from screen in Enum.GetValues<UssdScreen>()
        from hasPin in new[] { false, true }
        from retry in Enum.GetValues<UssdRetry>().Select(r => (UssdRetry?)r).Append(null)
        select new UssdState
        {
            Language = language, Screen = screen, HasPin = hasPin, Meters = ManyMeters, Page = ManyMeters.Count / UssdNavigator.PageSize - 2,
            Meter = ManyMeters[^1], Amount = decimal.MaxValue, Retry = retry,
        };
}
