using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

public class OpenPaygoKeyTests
{
    [Fact]
    public void Parse_UpperOrLowerHex_SameKeyAndHexRoundTrips()
    {
        var lower = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");
        var upper = OpenPaygoKey.Parse("A29AB82EDC5FBBC41EC9530F6DAC86B1");

        Assert.Equal(lower, upper);
        Assert.Equal("a29ab82edc5fbbc41ec9530f6dac86b1", upper.ToHex());
    }

    [Fact]
    public void FromBytes_CsvByteOrder_ReadsWordsLittleEndian()
    {
        var key = OpenPaygoKey.FromBytes(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray());

        Assert.Equal(0x0706050403020100UL, key.K0);
        Assert.Equal(0x0f0e0d0c0b0a0908UL, key.K1);
    }

    [Theory]
    [InlineData("a29ab82edc5fbbc41ec9530f6dac86", "got 30 characters")]
    [InlineData("a29ab82edc5fbbc41ec9530f6dac86b1ff", "got 34 characters")]
    [InlineData("g29ab82edc5fbbc41ec9530f6dac86b1", "not hex")]
    public void Parse_NotA32HexKey_ThrowsSayingWhy(string hex, string message)
    {
        var error = Assert.Throws<FormatException>(() => OpenPaygoKey.Parse(hex));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_Not16Bytes_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => OpenPaygoKey.FromBytes(new byte[8]));

        Assert.Contains("16 bytes, got 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_HidesTheKey()
    {
        var key = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");

        Assert.DoesNotContain("a29a", key.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
