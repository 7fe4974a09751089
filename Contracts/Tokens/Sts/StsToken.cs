using System.Globalization;

namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>A 20-digit STS token: a 66-bit number holding two class bits and a 64-bit block.</summary>
public readonly record struct StsToken
{
    private static readonly UInt128 Limit = UInt128.One << 66;
    private const ulong TenDigits = 10_000_000_000;

    /// <summary>Wraps a 66-bit token number.</summary>
    public StsToken(UInt128 value)
    {
        if (value >= Limit)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a token number has 66 bits");
        }

        Value = value;
    }

    /// <summary>The 66-bit token number.</summary>
    public UInt128 Value { get; }

    /// <summary>The token class, which travels in clear in bits 28 and 27.</summary>
    public int Class => (int)((ulong)Value >> 27) & 3;

    /// <summary>The 64-bit block as it left the cipher (the class bits moved back out of the way).</summary>
    public ulong Block
    {
        get
        {
            var low = (ulong)Value;
            var high = (ulong)(Value >> 64);
            return (low & ~(3UL << 27)) | ((high & 3) << 27);
        }
    }

    /// <summary>Puts the class bits into a ciphertext block (the STS class-bit transposition).</summary>
    public static StsToken FromBlock(int tokenClass, ulong block)
    {
        var high = (block >> 27) & 3;
        var low = (block & ~(3UL << 27)) | ((ulong)(tokenClass & 3) << 27);
        return new StsToken(((UInt128)high << 64) | low);
    }

    /// <summary>Parses 20 digits, with or without spaces and dashes.</summary>
    public static StsToken Parse(string text) =>
        TryParse(text, out var token, out var error) ? token : throw new FormatException(error);

    /// <summary>Parses 20 digits; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out StsToken token, out string error)
    {
        token = default;
        UInt128 value = 0;
        var count = 0;
        foreach (var c in text ?? "")
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                error = $"a token has only digits (spaces and dashes allowed), found '{c}'";
                return false;
            }

            if (++count <= 20)
            {
                value = value * 10 + (uint)(c - '0');
            }
        }

        if (count != 20)
        {
            error = $"a token has 20 digits, this one has {count}";
            return false;
        }

        if (value >= Limit)
        {
            error = "not a valid token: the number is too large for 66 bits";
            return false;
        }

        token = new StsToken(value);
        error = "";
        return true;
    }

    /// <summary>The 20 digits with no spaces.</summary>
    public override string ToString()
    {
        Span<char> digits = stackalloc char[20];
        WriteDigits(digits);
        return new string(digits);
    }

    /// <summary>The 20 digits in groups of four, as a customer keys them: 2371 6100 5011 8319 4197.</summary>
    public string ToGroupedString()
    {
        Span<char> digits = stackalloc char[20];
        WriteDigits(digits);
        Span<char> grouped = stackalloc char[24];
        for (int i = 0, o = 0; i < 20; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                grouped[o++] = ' ';
            }

            grouped[o++] = digits[i];
        }

        return new string(grouped);
    }

    /// <summary>Writes exactly 20 digits, zero-padded.</summary>
    public void WriteDigits(Span<char> destination)
    {
        // One 128-bit division, then two 64-bit halves of ten digits each.
        var (high, low) = UInt128.DivRem(Value, TenDigits);
        ((ulong)high).TryFormat(destination[..10], out _, "D10", CultureInfo.InvariantCulture);
        ((ulong)low).TryFormat(destination[10..20], out _, "D10", CultureInfo.InvariantCulture);
    }
}
