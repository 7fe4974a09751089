namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>Turns days into token values and back: value = days × the device's time divider.</summary>
public static class OpenPaygoDays
{
    /// <summary>The highest time divider a device may have.</summary>
    public const int MaxTimeDivider = 255;

    /// <summary>The value for a number of days, rounded half to even as the reference encoder does.</summary>
    public static int ToValue(decimal days, int timeDivider, OpenPaygoMode mode = OpenPaygoMode.Standard)
    {
        CheckDivider(timeDivider);
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "days cannot be negative");
        }

        var max = mode.HasFlag(OpenPaygoMode.Extended) ? OpenPaygoEncoder.MaxExtendedValue : OpenPaygoEncoder.MaxStandardValue;
        var value = decimal.Round(days * timeDivider, MidpointRounding.ToEven);
        if (value > max)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days,
                $"{days} days × time divider {timeDivider} = {value}, above the highest value {max}: at most {(decimal)max / timeDivider:0.###} days fit in one token");
        }

        return (int)value;
    }

    /// <summary>The days a value stands for.</summary>
    public static decimal ToDays(int value, int timeDivider)
    {
        CheckDivider(timeDivider);
        return (decimal)value / timeDivider;
    }

    internal static void CheckDivider(int timeDivider)
    {
        if (timeDivider is < 1 or > MaxTimeDivider)
        {
            throw new ArgumentOutOfRangeException(nameof(timeDivider), timeDivider, $"a time divider is 1 to {MaxTimeDivider}");
        }
    }
}
