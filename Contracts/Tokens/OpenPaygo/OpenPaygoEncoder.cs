namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>Generates OpenPAYGO tokens, bit-exact with the EnAccess reference libraries.</summary>
public static class OpenPaygoEncoder
{
    /// <summary>The highest ADD_TIME / SET_TIME value of a standard token; 996 and 997 are reserved.</summary>
    public const int MaxStandardValue = 995;

    /// <summary>The highest value of an extended token.</summary>
    public const int MaxExtendedValue = 999_999;

    /// <summary>The value a DISABLE_PAYG token carries.</summary>
    public const int DisablePaygValue = 998;

    /// <summary>The value a COUNTER_SYNC token carries.</summary>
    public const int CounterSyncValue = 999;

    /// <summary>The highest count: devices keep their count in 16 bits.</summary>
    public const int MaxCount = ushort.MaxValue;

    /// <summary>
    /// Makes the next token for a device whose last count is <paramref name="lastCount"/>; the token's
    /// <see cref="OpenPaygoToken.Count"/> is the new last count to store.
    /// </summary>
    /// <param name="key">The device's secret key.</param>
    /// <param name="startingCode">The device's 9-digit starting code.</param>
    /// <param name="lastCount">The count of the last token issued to the device (the CSV's count before any).</param>
    /// <param name="type">What the token does.</param>
    /// <param name="value">Days × time divider for ADD_TIME and SET_TIME (see <see cref="OpenPaygoDays"/>); 0 for the others.</param>
    /// <param name="mode">Standard or extended, all keys or restricted digits.</param>
    public static OpenPaygoToken Generate(OpenPaygoKey key, int startingCode, int lastCount, OpenPaygoTokenType type, int value, OpenPaygoMode mode = OpenPaygoMode.Standard)
    {
        var extended = mode.HasFlag(OpenPaygoMode.Extended);
        if (startingCode is < 0 or > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(startingCode), startingCode, "a starting code has 9 digits (0 to 999999999)");
        }

        if (lastCount is < 0 or > MaxCount - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(lastCount), lastCount, $"the last count is 0 to {MaxCount - 2}: devices keep a 16-bit count and the next token adds up to 2");
        }

        if ((mode & ~(OpenPaygoMode.Extended | OpenPaygoMode.RestrictedDigits)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown token mode");
        }

        var fullValue = CheckValue(type, value, extended);
        var count = NextCount(lastCount, type);
        var tokenBase = ((ulong)startingCode + (ulong)fullValue) % TokenChain.Modulus(extended);
        var number = TokenChain.TokenAt(key, (ulong)startingCode, tokenBase, count, extended);
        return new OpenPaygoToken(TokenDigits.Write(number, extended, mode.HasFlag(OpenPaygoMode.RestrictedDigits)), count, type, fullValue);
    }

    /// <summary>ADD_TIME takes the next even count, the other types the next odd one.</summary>
    internal static int NextCount(int lastCount, OpenPaygoTokenType type)
    {
        var wantOdd = type != OpenPaygoTokenType.AddTime;
        var isOdd = lastCount % 2 == 1;
        return lastCount + (wantOdd == isOdd ? 2 : 1);
    }

    private static int CheckValue(OpenPaygoTokenType type, int value, bool extended)
    {
        switch (type)
        {
            case OpenPaygoTokenType.AddTime or OpenPaygoTokenType.SetTime:
                var max = extended ? MaxExtendedValue : MaxStandardValue;
                if (value < 0 || value > max)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, extended
                        ? $"an extended token's value is 0 to {max}"
                        : $"a standard token's value is 0 to {max} (days × time divider; 996 and 997 are reserved, 998 and 999 are DISABLE_PAYG and COUNTER_SYNC)");
                }

                return value;
            case OpenPaygoTokenType.DisablePayg or OpenPaygoTokenType.CounterSync:
                if (extended)
                {
                    // An extended device reads every odd-count token as SET_TIME, so it would take 998 or 999 days.
                    throw new ArgumentException($"an extended token cannot be {type}: the device would decode it as SET_TIME; issue a standard token", nameof(type));
                }

                var fixedValue = type == OpenPaygoTokenType.DisablePayg ? DisablePaygValue : CounterSyncValue;
                if (value != 0 && value != fixedValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"a {type} token carries no value of its own (it is always {fixedValue}); pass 0");
                }

                return fixedValue;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown token type");
        }
    }
}
