using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class EntryLockoutTests
{
    [Fact]
    public void WaitAfter_ConsecutiveFailures_DoublesFrom1MinuteUpTo512()
    {
        var minutes = Enumerable.Range(1, 12).Select(n => (int)EntryLockout.WaitAfter(n).TotalMinutes);

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 512, 512], minutes);
        Assert.Equal(TimeSpan.FromMinutes(512), EntryLockout.WaitAfter(int.MaxValue));
    }
}
