using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class UsedCountWindowTests
{
    private const OpenPaygoTokenType Add = OpenPaygoTokenType.AddTime;
    private const OpenPaygoTokenType Set = OpenPaygoTokenType.SetTime;

    [Theory]
    [InlineData(0, 0, Add, false)] // count 0 is never a token
    [InlineData(2, 0, Add, true)]
    [InlineData(21, 20, Set, true)]
    [InlineData(20, 20, Add, false)] // the highest count is used by definition
    [InlineData(18, 20, Add, true)]
    [InlineData(6, 20, Add, true)] // 20 − 14: inside the window
    [InlineData(4, 20, Add, false)] // 20 − 16: outside
    [InlineData(19, 20, Set, false)] // older SET_TIME never
    [InlineData(19, 20, OpenPaygoTokenType.CounterSync, false)]
    public void Accepts_EmptyMask_ByCountAndType(int count, int lastCount, OpenPaygoTokenType type, bool expected)
    {
        Assert.Equal(expected, UsedCountWindow.Accepts(count, lastCount, 0, type));
    }

    [Fact]
    public void Mark_AddTimeAbove_SlidesTheWindowAndMarksTheOldHighest()
    {
        var (last, used) = UsedCountWindow.Mark(10, 6, 0b1, Add); // count 5 was used

        Assert.Equal(10, last);
        Assert.Equal(0b1_1000, used); // bit 3 = count 6, bit 4 = count 5
        Assert.False(UsedCountWindow.Accepts(6, last, used, Add));
        Assert.True(UsedCountWindow.Accepts(8, last, used, Add));
    }

    [Fact]
    public void Mark_AddTimeBelow_MarksOnlyThatCount()
    {
        var (last, used) = UsedCountWindow.Mark(8, 10, 0, Add);

        Assert.Equal(10, last);
        Assert.Equal(0b10, used);
    }

    [Fact]
    public void Mark_JumpBeyondTheWindow_ForgetsEverything()
    {
        Assert.Equal((40, (ushort)0), UsedCountWindow.Mark(40, 6, ushort.MaxValue, Add));
        Assert.Equal((22, (ushort)0x8000), UsedCountWindow.Mark(22, 6, 0, Add)); // old highest 6 is bit 15
    }

    [Theory]
    [InlineData(OpenPaygoTokenType.SetTime)]
    [InlineData(OpenPaygoTokenType.DisablePayg)]
    [InlineData(OpenPaygoTokenType.CounterSync)]
    public void Mark_NotAddTime_MarksTheWholeWindow(OpenPaygoTokenType type)
    {
        Assert.Equal((11, ushort.MaxValue), UsedCountWindow.Mark(11, 6, 0, type));
    }
}
