namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>The Luhn (mod 10) check digit used by meter numbers and PANs.</summary>
internal static class Luhn
{
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = true; // the digit next to the check digit is doubled
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }
}
