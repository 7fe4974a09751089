namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Converts between times and 24-bit token identifiers (whole UTC minutes since a base date).</summary>
public static class TokenIdentifier
{
    /// <summary>The largest TID a token can carry.</summary>
    public const int Max = 0xFF_FFFF;

    /// <summary>The first instant of a base date.</summary>
    public static DateTimeOffset Start(BaseDate baseDate) => baseDate switch
    {
        BaseDate.Year1993 or BaseDate.Year2014 or BaseDate.Year2035 => new DateTimeOffset((int)baseDate, 1, 1, 0, 0, 0, TimeSpan.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(baseDate), baseDate, "base date is 1993, 2014 or 2035"),
    };

    /// <summary>The last minute a base date can express.</summary>
    public static DateTimeOffset End(BaseDate baseDate) => Start(baseDate).AddMinutes(Max);

    /// <summary>The TID of an instant (seconds are dropped); refuses instants outside the base date's range.</summary>
    public static int FromTime(DateTimeOffset at, BaseDate baseDate)
    {
        var minutes = (long)Math.Floor((at - Start(baseDate)).TotalMinutes);
        if (minutes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"{at:u} is before the {(int)baseDate} base date");
        }

        if (minutes > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at,
                $"{at:u} is past the end of the {(int)baseDate} base date's 24-bit TID range ({End(baseDate):yyyy-MM-dd HH:mm} UTC): a TID rollover to a later base date is due");
        }

        return (int)minutes;
    }

    /// <summary>The instant a TID stands for.</summary>
    public static DateTimeOffset ToTime(int tid, BaseDate baseDate) => Start(baseDate).AddMinutes(tid);
}
