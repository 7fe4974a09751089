using SmsVending.MeterEmulator.Load;
using Spectre.Console;

namespace SmsVending.MeterEmulator.Tests.Load;

/// <summary><see cref="LoadTable"/>: the report on a terminal.</summary>
public class LoadTableTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(40, true)]
    public void Write_SaysAWarmupIsLeftOutOfTheFigures_OnlyWhenThereWasOne(int warmup, bool shown)
    {
        var tally = new LoadTally();
        tally.PurchaseSent();
        tally.Replied(TimeSpan.FromMilliseconds(5));
        tally.TokenSetAccepted();
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        LoadTable.Write(tally.Report(1, TimeSpan.FromSeconds(1), warmup), console);

        Assert.Equal(shown, text.ToString().Contains("warm-up purchases (not in the figures below)", StringComparison.Ordinal));
        Assert.Contains("throughput (purchases/s)", text.ToString(), StringComparison.Ordinal);
    }
}
