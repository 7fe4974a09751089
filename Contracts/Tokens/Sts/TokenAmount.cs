namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>The 16-bit STS amount field: 2-bit exponent, 14-bit mantissa, steps of 1, 10, 100 and 1000.</summary>
/// <remarks>value = m·10^e + Σ(n=1..e) 2^14·10^(n−1). Values are counted in the field's own step (tenths of a unit for credit).</remarks>
public static class TokenAmount
{
    /// <summary>The largest value the field can carry (1 820 162.4 units in tenths).</summary>
    public const long Max = 18_201_624;

    private const int Mantissa = 1 << 14;

    // Offsets[e] = Σ(n=1..e) 2^14·10^(n−1); Steps[e] = 10^e.
    private static ReadOnlySpan<long> Offsets => [0, 16_384, 180_224, 1_818_624];

    private static ReadOnlySpan<long> Steps => [1, 10, 100, 1000];

    /// <summary>Encodes a value, rounding up to the next value the field can show so nobody is short-changed.</summary>
    public static ushort Encode(long value)
    {
        if (value < 0 || value > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"an STS amount field holds 0..{Max}");
        }

        var e = 0;
        while (value > Offsets[e] + (Mantissa - 1) * Steps[e])
        {
            e++;
        }

        var m = (value - Offsets[e] + Steps[e] - 1) / Steps[e];
        return (ushort)((e << 14) | (int)m);
    }

    /// <summary>The value a field stands for.</summary>
    public static long Decode(ushort field)
    {
        var e = field >> 14;
        return (field & (Mantissa - 1)) * Steps[e] + Offsets[e];
    }

    /// <summary>Tenths of a unit for a decimal amount, rounded up (0.01 kWh becomes 0.1 kWh).</summary>
    public static long TenthsOf(decimal units)
    {
        if (units < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "an amount cannot be negative");
        }

        var tenths = Math.Ceiling(units * 10m);
        return tenths > Max
            ? throw new ArgumentOutOfRangeException(nameof(units), units, $"the largest STS amount is {Max / 10m}")
            : (long)tenths;
    }
}
