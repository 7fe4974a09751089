using System.Globalization;

namespace SmsVending.Vending.Tariffs;

/// <summary>An amount of a currency, kept in whole minor units (cents) so sums never drift.</summary>
public readonly record struct Money(long Minor, string Currency) : IComparable<Money>
{
    /// <summary>Minor units per major unit; every currency we sell in has two decimals (KES, TZS, UGX are quoted so).</summary>
    public const int MinorPerMajor = 100;

    /// <summary>The amount in major units.</summary>
    public decimal Amount => Minor / (decimal)MinorPerMajor;

    /// <summary>Money from a major-unit amount; refuses fractions of a minor unit.</summary>
    public static Money Of(decimal amount, string currency)
    {
        var minor = amount * MinorPerMajor;
        return minor == decimal.Truncate(minor)
            ? new Money((long)minor, currency)
            : throw new ArgumentException($"{amount} {currency} has more than two decimals");
    }

    /// <summary>Money from a computed amount, rounded to the nearest minor unit (half away from zero).</summary>
    public static Money Rounded(decimal amount, string currency) =>
        new((long)Math.Round(amount * MinorPerMajor, MidpointRounding.AwayFromZero), currency);

    /// <summary>Zero of a currency.</summary>
    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money a, Money b) => new(a.Minor + b.Minor, Same(a, b));

    public static Money operator -(Money a, Money b) => new(a.Minor - b.Minor, Same(a, b));

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    /// <summary>The smaller of two amounts of one currency.</summary>
    public static Money Min(Money a, Money b) => a <= b ? a : b;

    /// <inheritdoc />
    public int CompareTo(Money other) => Minor.CompareTo(new Money(other.Minor, Same(this, other)).Minor);

    /// <summary>"KES 1,234.50".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:#,0.00}");

    private static string Same(Money a, Money b) => a.Currency == b.Currency
        ? a.Currency
        : throw new InvalidOperationException($"cannot mix {a.Currency} and {b.Currency}");
}
