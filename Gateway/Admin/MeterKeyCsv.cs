using SmsVending.Contracts.KeyAuthority;
using SmsVending.Infrastructure.Csv;

namespace SmsVending.Gateway.Admin;

/// <summary>The meters of a KeyAuthority meters CSV (`meters import`'s columns) as the KeyAuthority reads them: the number from the
/// meter (or serial number) column, and the token profile from the profile column, else OpenPAYGO for a manufacturer export
/// (starting code and key columns), else STS. Only what Vending needs; the KeyAuthority checks the rest.</summary>
internal static class MeterKeyCsv
{
    private static readonly Dictionary<string, string> Aliases = new() { ["serialnumber"] = "meter", ["meternumber"] = "meter", ["devicekey"] = "key" };

    /// <summary>One meter: its line in the file, its number as written, and its profile.</summary>
    public sealed record Meter(int Line, string Number, TokenProfile Profile);

    /// <summary>The meters in file order; <paramref name="profile"/>, when given, must be every row's. A bad line throws a
    /// <see cref="CsvLineException"/>, a bad file or profile an <see cref="ArgumentException"/>.</summary>
    public static IReadOnlyList<Meter> Read(string csv, string? profile)
    {
        var expected = profile is null ? (TokenProfile?)null : ProfileOf(profile) ?? throw new ArgumentException($"profile is sts or openpaygo, not {profile}");
        var table = CsvTable.Read(new StringReader(csv), Aliases);
        if (!table.Has("meter"))
        {
            throw new CsvLineException(1, "no meter (or serial number) column");
        }

        var fileProfile = !table.Has("profile") && table.Has("startingcode") && table.Has("key") ? TokenProfile.OpenPaygo : TokenProfile.Sts;
        return [.. table.Rows.Select(row =>
        {
            var number = row["meter"] ?? throw row.Problem("meter", "missing");
            var rowProfile = row["profile"] is { } text ? ProfileOf(text) ?? throw row.Problem("profile", $"expected sts or openpaygo, got '{text}'") : fileProfile;
            return expected is { } e && e != rowProfile
                ? throw row.Problem("profile", $"the file makes meter {number} {rowProfile}, but the query says {e}")
                : new Meter(row.Line, number, rowProfile);
        })];
    }

    private static TokenProfile? ProfileOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sts" => TokenProfile.Sts,
        "openpaygo" or "opaygo" => TokenProfile.OpenPaygo,
        _ => null,
    };
}
