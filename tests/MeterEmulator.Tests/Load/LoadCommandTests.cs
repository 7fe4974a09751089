using System.CommandLine;
using SmsVending.MeterEmulator.Load;

namespace SmsVending.MeterEmulator.Tests.Load;

public class LoadCommandTests
{
    private static readonly string[] Required = ["load", "--gateway", "http://127.0.0.1:5000", "--credentials", "credentials.json"];

    [Theory]
    [InlineData("--customers 0 --purchases 10", "--customers must be from 1 to 99999, not 0")]
    [InlineData("--customers 10 --purchases 0", "--purchases must be from 1 to 10000000, not 0")]
    [InlineData("--customers 10 --purchases 10 --rate fast", "--rate takes purchases per second (more than 0) or max, not 'fast'")]
    [InlineData("--customers 10 --purchases 10 --rate -5", "--rate takes purchases per second (more than 0) or max, not '-5'")]
    [InlineData("--customers 10 --purchases 10 --duplicate-rate 1.5", "--duplicate-rate is a share from 0 to 1, not 1.5")]
    [InlineData("--customers 10 --purchases 10 --garbage-rate -0.1", "--garbage-rate is a share from 0 to 1, not -0.1")]
    [InlineData("--customers 10 --purchases 10 --ir-share 2", "--ir-share is a share from 0 to 1, not 2")]
    [InlineData("--customers 10 --purchases 10 --concurrency 0", "--concurrency must be from 1 to 100000, not 0")]
    [InlineData("--customers 10 --purchases 10 --amount 0", "--amount must be more than 0")]
    [InlineData("--customers 10 --purchases 10 --warmup 10", "--warmup must be fewer than --purchases (10), not 10")]
    [InlineData("--customers 10 --purchases 10 --warmup -1", "--warmup must be from 0 to 10000000, not -1")]
    public void Parse_BadOption_SaysWhatIsWrong(string options, string error)
    {
        var result = new RootCommand { LoadCommand.Create() }.Parse([.. Required, .. options.Split(' ')]);

        Assert.Contains(error, result.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("--rate max")]
    [InlineData("--rate 1500")]
    [InlineData("--duplicate-rate 0.05 --garbage-rate 1 --concurrency 256 --json")]
    [InlineData("--warmup 99")]
    public void Parse_GoodOptions_HasNoErrors(string options)
    {
        var result = new RootCommand { LoadCommand.Create() }.Parse([.. Required, "--customers", "10", "--purchases", "100", .. options.Split(' ')]);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_WithoutCustomersOrPurchases_IsAnError()
    {
        var result = new RootCommand { LoadCommand.Create() }.Parse(Required);

        Assert.Equal(2, result.Errors.Count);
    }
}
