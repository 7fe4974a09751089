using System.Globalization;

namespace SmsVending.Vending.Tariffs;

/// <summary>An amount of a currency, kept in whole minor units (cents) so sums never drift.</summary>
public readonly record struct Money(long Minor, string Currency) : IComparable<Money>
{
    // ISO 4217 exponents of the currencies prepaid utilities here sell in; any other currency has two decimals.
    private static readonly Dictionary<string, int> Exponents = new()
    {
        ["UGX"] = 0, ["RWF"] = 0, ["BIF"] = 0, ["XOF"] = 0, ["XAF"] = 0, ["KMF"] = 0, ["DJF"] = 0, ["GNF"] = 0,
    };

    /// <summary>The amount in major units.</summary>
    public decimal Amount => Minor / MinorPerMajor(Currency);

    /// <summary>Minor units in one major unit of a currency: 100 for KES, 1 for UGX.</summary>
    public static decimal MinorPerMajor(string currency) => Exponents.TryGetValue(currency, out var exponent) ? (decimal)Math.Pow(10, exponent) : 100m;

    /// <summary>A stored amount of minor units in major units.</summary>
    public static decimal MajorOf(long minor, string currency) => minor / MinorPerMajor(currency);

    /// <summary>Money from a major-unit amount; refuses fractions of a minor unit.</summary>
    public static Money Of(decimal amount, string currency)
    {
        var minor = amount * MinorPerMajor(currency);
        return minor == decimal.Truncate(minor)
            ? new Money((long)minor, currency)
            : throw new ArgumentException($"{amount} {currency} has more decimals than {currency} has");
    }

    /// <summary>Money from a computed amount, rounded to the nearest minor unit (half away from zero).</summary>
    public static Money Rounded(decimal amount, string currency) =>
        new((long)Math.Round(amount * MinorPerMajor(currency), MidpointRounding.AwayFromZero), currency);

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

    /// <summary>"KES 1,234.50", "UGX 12,000".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount.ToString(MinorPerMajor(Currency) == 1 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture)}");

    private static string Same(Money a, Money b) => a.Currency == b.Currency
        ? a.Currency
        : throw new InvalidOperationException($"cannot mix {a.Currency} and {b.Currency}");
}
