namespace SmsVending.KeyAuthority.Tests.Cli;

public class StsCliTests
{
    private const string Example2Key = "--vk ABABABABABABABAB --pan 600727000000000009 --sgc 123456 --ti 01 --krn 1 --kt 2";
    private const string Dkga04Key = "--vk ABABABABABABABAB949494949494949401234567 --meter 00000000000 --sgc 123457 --ti 01 --krn 1 --kt 2";

    [Theory]
    [InlineData(Example2Key, "E653341F9D5BF36F")]
    [InlineData(Dkga04Key, "AA4BAA8749C10D27")]
    [InlineData(Dkga04Key + " --ea 11", "F94B6ED353C3BFDB113E2D3A7EA3C41D")]
    public void Dk_VendingKeyAndAttributes_PrintsTheSpecKey(string key, string expected)
    {
        var run = CliRun.Of($"sts dk {key}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output.Trim());
    }

    [Theory]
    [InlineData("--dk 0ABC12DEF3456789 --amount 25.6 --at 1996-03-25T13:55Z --rnd 0xB", "29054347139309851356")]
    [InlineData(Example2Key + " --amount 0.1 --at 2004-03-01T13:55Z --rnd 5", "23716100501183194197")]
    [InlineData(Dkga04Key + " --amount 0.1 --at 2009-01-01T08:00Z --rnd 5", "15697331168573253829")]
    [InlineData(Dkga04Key + " --ea 11 --amount 0.1 --at 2004-03-01T13:00Z --rnd 5", "59386323472137426967")]
    public void Credit_SpecExamples_PrintTheSpecTokens(string args, string expected)
    {
        Assert.Equal([expected], CliRun.Of($"sts credit --kind electricity {args} --json").Tokens());
    }

    [Fact]
    public void Credit_WithoutJson_PrintsTheTokenInGroupsOfFour()
    {
        var run = CliRun.Of($"sts credit {Example2Key} --kind electricity --amount 0.1 --at 2004-03-01T13:55Z --rnd 5");

        Assert.Equal("2371 6100 5011 8319 4197", run.Output.Trim());
    }

    [Fact]
    public void Credit_WithoutRnd_StillDecodesToTheAmount()
    {
        var token = CliRun.Of("sts credit --dk 0ABC12DEF3456789 --kind gas-currency --amount 12.34 --at 2020-05-05T05:05Z --json").Tokens()[0];

        var decoded = CliRun.Of($"sts decode --dk 0ABC12DEF3456789 {token} --json").Json();

        Assert.True(decoded.GetProperty("crcOk").GetBoolean());
        Assert.Equal(6, decoded.GetProperty("subclass").GetInt32());
        Assert.Equal(12.4m, decoded.GetProperty("amount").GetDecimal());
        Assert.Equal("2020-05-05T05:05:00+00:00", decoded.GetProperty("issuedAt").GetString());
    }

    [Theory]
    [InlineData(Example2Key + " --new-krn 1 --new-kt 2 --new-ti 2")]
    [InlineData("--dk E653341F9D5BF36F --new-dk 060B8643C59A27F1 --new-krn 1 --new-kt 2 --new-ti 2")]
    public void KeyChange_SpecExample_PrintsBothSections(string args)
    {
        Assert.Equal(["51638423060042734509", "15361891762113502242"], CliRun.Of($"sts key-change {args} --json").Tokens());
    }

    [Fact]
    public void KeyChange_Rollover_SetsRoAndKenInTheSections()
    {
        var tokens = CliRun.Of($"sts key-change {Example2Key} --new-krn 2 --new-kt 2 --new-ti 1 --ken 0x42 --rollover --json").Tokens();

        var first = CliRun.Of($"sts decode {Example2Key} {tokens[0]} --json").Json().GetProperty("keyChange");
        var second = CliRun.Of($"sts decode {Example2Key} {tokens[1]} --json").Json().GetProperty("keyChange");
        Assert.True(first.GetProperty("ro").GetBoolean());
        Assert.Equal(2, first.GetProperty("krn").GetInt32());
        Assert.Equal((4, 2), (first.GetProperty("kenNibble").GetInt32(), second.GetProperty("kenNibble").GetInt32()));
        Assert.Equal(1, second.GetProperty("ti").GetInt32());
    }

    [Fact]
    public void KeyChange_To128BitKey_PrintsFourSections()
    {
        var tokens = CliRun.Of($"sts key-change {Dkga04Key} --ea 11 --new-krn 2 --new-kt 2 --new-ti 1 --json").Tokens();

        var subclasses = tokens.Select(t => CliRun.Of($"sts decode {Dkga04Key} --ea 11 {t} --json").Json().GetProperty("subclass").GetInt32());
        Assert.Equal([3, 4, 8, 9], subclasses);
    }

    [Fact]
    public void Manage_SetMaxPower_EncodesWattsLikeAmountsRoundingUp()
    {
        var token = CliRun.Of("sts manage --dk 0ABC12DEF3456789 --function set-max-power --value 20000 --at 2020-01-01T00:00Z --json").Tokens()[0];

        var decoded = CliRun.Of($"sts decode --dk 0ABC12DEF3456789 {token} --json").Json();

        Assert.Equal((2, 0), (decoded.GetProperty("class").GetInt32(), decoded.GetProperty("subclass").GetInt32()));
        // Above 16 383 the field counts in steps of 10: 20 000 W rounds up to 20 004 W.
        Assert.Equal(20004m, decoded.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public void Manage_ClearCredit_KeepsTheRawField()
    {
        var token = CliRun.Of("sts manage --dk 0ABC12DEF3456789 --function clear-credit --value 0xFFFF --at 2020-01-01T00:00Z --json").Tokens()[0];

        var decoded = CliRun.Of($"sts decode --dk 0ABC12DEF3456789 {token} --json").Json();

        Assert.Equal("FFFF", decoded.GetProperty("field").GetString());
        Assert.False(decoded.TryGetProperty("amount", out _));
    }

    [Fact]
    public void Test_Token_DecodesWithoutAKey()
    {
        var token = CliRun.Of("sts test --control 0x123456789 --mfr 66 --json").Tokens()[0];

        var decoded = CliRun.Of($"sts decode {token} --json").Json();

        Assert.Equal(1, decoded.GetProperty("class").GetInt32());
        Assert.Equal(0x123456789UL, decoded.GetProperty("control").GetUInt64());
        Assert.Equal(66, decoded.GetProperty("manufacturer").GetInt32());
    }

    [Fact]
    public void Decode_WrongKey_ReportsCrcError()
    {
        var decoded = CliRun.Of("sts decode --dk 0ABC12DEF3456788 2905 4347 1393 0985 1356 --json").Json();

        Assert.False(decoded.GetProperty("crcOk").GetBoolean());
    }

    [Theory]
    [InlineData("sts credit --dk 0ABC12DEF345678 --kind electricity --amount 1 --at 2020-01-01T00:00Z", "--dk")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electricity --amount 1", "--at")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electric --amount 1 --at 2020-01-01T00:00Z", "--kind")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electricity --amount -1 --at 2020-01-01T00:00Z", "--amount")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electricity --amount 1 --at yesterday", "--at")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electricity --amount 1 --at 2025-01-01T00:00Z", "rollover")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --kind electricity --amount 1 --at 2020-01-01T00:00Z --rnd 16", "--rnd")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --ea 11 --kind electricity --amount 1 --at 2020-01-01T00:00Z", "--dk")]
    [InlineData("sts credit --dk 0ABC12DEF3456789 --ea 09 --kind electricity --amount 1 --at 2020-01-01T00:00Z", "--ea")]
    [InlineData("sts dk --vk ABABABABABABABAB --meter 00000000001 --sgc 123456 --ti 1 --krn 1 --kt 2", "--meter")]
    [InlineData("sts dk --vk ABABABABABABABAB --meter 00000000000 --sgc 12345 --ti 1 --krn 1 --kt 2", "--sgc")]
    [InlineData("sts dk --vk ABABABABABABABAB --meter 00000000000 --sgc 123456 --ti 1 --kt 2", "--krn")]
    [InlineData("sts dk --vk ABABABABABABABAB --meter 00000000000 --sgc 123456 --ti 1 --krn 1 --kt 2 --dkga 04", "--vk")]
    [InlineData("sts dk --vk ABABABABABABABAB --meter 00000000000 --sgc 123456 --ti 1 --krn 1 --kt 2 --ea 11", "--ea")]
    [InlineData("sts dk --vk ABABABABABABABAB --sgc 123456 --ti 1 --krn 1 --kt 2", "--meter")]
    [InlineData("sts dk --dk 0ABC12DEF3456789 --vk ABABABABABABABAB", "--dk")]
    [InlineData("sts decode --dk 0ABC12DEF3456789 2905 4347 1393 0985 135", "TOKEN")]
    [InlineData("sts decode 29054347139309851356", "--dk")]
    [InlineData("sts key-change --dk 0ABC12DEF3456789 --new-krn 1 --new-kt 2 --new-ti 2", "--new-dk")]
    [InlineData("sts test --control 0x1000000000 --mfr 1", "--control")]
    [InlineData("sts manage --dk 0ABC12DEF3456789 --function clear-credit --value 65536 --at 2020-01-01T00:00Z", "--value")]
    public void BadInput_OneLineOnStderrNamingTheOption_ExitCode2(string commandLine, string named)
    {
        var run = CliRun.Of(commandLine);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains(named, run.Error);
    }
}
