namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>A meter number (DRN) as printed on the meter: 11 or 13 digits, the last a Luhn check digit.</summary>
public readonly record struct MeterNumber
{
    private const string ShortIin = "600727";
    private const string LongIin = "0000";

    private MeterNumber(string digits) => Digits = digits;

    /// <summary>The 11 or 13 digits, without spaces.</summary>
    public string Digits { get; }

    /// <summary>The issuer identification number that goes with this length of meter number.</summary>
    public string Iin => Digits.Length == 11 ? ShortIin : LongIin;

    /// <summary>The 18-digit primary account number: IIN + meter number + Luhn digit over both.</summary>
    public string Pan => Iin + Digits + Luhn.CheckDigit(Iin + Digits);

    /// <summary>Parses a meter number written with or without spaces and dashes.</summary>
    public static MeterNumber Parse(string text) =>
        TryParse(text, out var meter, out var error) ? meter : throw new FormatException(error);

    /// <summary>Parses a meter number; on failure <paramref name="error"/> says what is wrong in words a customer understands.</summary>
    public static bool TryParse(string? text, out MeterNumber meter, out string error)
    {
        meter = default;
        if (!TryCollectDigits(text, "meter number", out var digits, out error))
        {
            return false;
        }

        if (digits.Length is not (11 or 13))
        {
            error = $"a meter number has 11 or 13 digits, this one has {digits.Length}";
            return false;
        }

        var expected = Luhn.CheckDigit(digits.AsSpan(0, digits.Length - 1));
        if (digits[^1] != expected)
        {
            error = $"meter number {digits} fails its check digit (a digit is mistyped; with these digits the last would be {expected})";
            return false;
        }

        meter = new MeterNumber(digits);
        error = "";
        return true;
    }

    /// <summary>A new meter number from its first 10 or 12 digits, with the Luhn check digit appended.</summary>
    public static MeterNumber Create(string digitsWithoutCheck)
    {
        if (digitsWithoutCheck is not { Length: 10 or 12 } || !digitsWithoutCheck.All(char.IsAsciiDigit))
        {
            throw new FormatException("a meter number is made from 10 or 12 digits plus its check digit");
        }

        return new MeterNumber(digitsWithoutCheck + Luhn.CheckDigit(digitsWithoutCheck));
    }

    /// <summary>Parses an 18-digit PAN and returns the meter number inside it.</summary>
    public static MeterNumber FromPan(string text)
    {
        if (!TryCollectDigits(text, "PAN", out var digits, out var error))
        {
            throw new FormatException(error);
        }

        if (digits.Length != 18)
        {
            throw new FormatException($"a PAN has 18 digits, this one has {digits.Length}");
        }

        if (digits[^1] != Luhn.CheckDigit(digits.AsSpan(0, 17)))
        {
            throw new FormatException($"PAN {digits} fails its check digit");
        }

        var drn = digits.StartsWith(ShortIin, StringComparison.Ordinal) ? digits[6..17]
            : digits.StartsWith(LongIin, StringComparison.Ordinal) ? digits[4..17]
            : throw new FormatException($"PAN {digits} starts with neither IIN {ShortIin} nor {LongIin}");
        return Parse(drn);
    }

    /// <inheritdoc />
    public override string ToString() => Digits;

    private static bool TryCollectDigits(string? text, string what, out string digits, out string error)
    {
        digits = "";
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"the {what} is missing";
            return false;
        }

        Span<char> buffer = stackalloc char[32];
        var count = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                error = $"a {what} has only digits (spaces and dashes allowed), found '{c}'";
                return false;
            }

            if (count == buffer.Length)
            {
                error = $"the {what} is far too long";
                return false;
            }

            buffer[count++] = c;
        }

        digits = new string(buffer[..count]);
        return true;
    }
}
