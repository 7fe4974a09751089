using System.Globalization;

namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>Token numbers as keyed digits: decimal, or two bits a digit (1..4) on restricted keypads.</summary>
internal static class TokenDigits
{
    public static int Length(bool extended, bool restricted) => (extended, restricted) switch
    {
        (false, false) => 9,
        (true, false) => 12,
        (false, true) => 15,
        (true, true) => 20,
    };

    public static string Write(ulong number, bool extended, bool restricted)
    {
        if (!restricted)
        {
            return number.ToString(extended ? "D12" : "D9", CultureInfo.InvariantCulture);
        }

        // 30 or 40 bits, most significant pair first; each pair 0..3 becomes the digit 1..4.
        var length = Length(extended, restricted);
        return string.Create(length, number, static (digits, n) =>
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('1' + (int)((n >> (2 * (digits.Length - 1 - i))) & 3));
            }
        });
    }

    /// <summary>Reads what was keyed in, ignoring spaces and dashes; the digit count tells standard from extended.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, bool restricted, bool extendedAllowed, out ulong number, out bool extended, out string error)
    {
        number = 0;
        extended = false;
        var standardLength = Length(false, restricted);
        var extendedLength = Length(true, restricted);
        var count = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var ok = restricted ? c is >= '1' and <= '4' : char.IsAsciiDigit(c);
            if (!ok)
            {
                error = restricted ? $"this keypad has only the digits 1 to 4, found '{c}'" : $"a token has only digits, found '{c}'";
                return false;
            }

            if (++count <= extendedLength) // longer entries are refused below; this keeps the number from overflowing
            {
                number = restricted ? (number << 2) | (uint)(c - '1') : (number * 10) + (uint)(c - '0');
            }
        }

        extended = count == extendedLength;
        if (count == standardLength || (extended && extendedAllowed))
        {
            error = "";
            return true;
        }

        error = extendedAllowed
            ? $"a token has {standardLength} or {extendedLength} digits, this one has {count}"
            : $"a token has {standardLength} digits, this one has {count}";
        return false;
    }
}
