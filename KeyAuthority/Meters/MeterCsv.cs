using System.Globalization;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Infrastructure.Csv;

namespace SmsVending.KeyAuthority.Meters;

/// <summary>Reads meter key records from CSV: our own columns, or an OpenPAYGO manufacturer's export.</summary>
/// <remarks>
/// Columns are found by header name (case, spaces and underscores ignored); unknown columns are skipped.
/// STS: meter, sgc, ti, krn, kt, ken, base, dkga, ea, kind, registration code.
/// OpenPAYGO: serial number (or meter), starting code, key, count, time divider, restricted digit mode.
/// A file with starting code and key columns and no profile column is OpenPAYGO.
/// </remarks>
internal static class MeterCsv
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["serialnumber"] = "meter", ["meternumber"] = "meter", ["devicekey"] = "key", ["divider"] = "timedivider",
        ["restricted"] = "restricteddigitmode", ["registrationcode"] = "code",
    };

    /// <summary>The records with the lines they stand on, or an <see cref="ArgumentException"/> naming the line and column at fault.</summary>
    public static IReadOnlyList<(int Line, RegisterMeterKey Registration)> Read(TextReader reader)
    {
        var table = CsvTable.Read(reader, Aliases);
        if (!table.Has("meter"))
        {
            throw new CsvLineException(1, "no meter (or serial number) column");
        }

        var openPaygo = !table.Has("profile") && table.Has("startingcode") && table.Has("key");
        return [.. table.Rows.Select(row => (row.Line, Record(row, openPaygo)))];
    }

    private static RegisterMeterKey Record(CsvRow row, bool openPaygo)
    {
        int Int(string column, int fallback) => row[column] is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw row.Problem(column, $"expected a whole number, got '{text}'")
            : fallback;
        var profile = row["profile"]?.ToLowerInvariant() switch
        {
            null => openPaygo ? TokenProfile.OpenPaygo : TokenProfile.Sts,
            "sts" => TokenProfile.Sts,
            "openpaygo" or "opaygo" => TokenProfile.OpenPaygo,
            var other => throw row.Problem("profile", $"expected sts or openpaygo, got '{other}'"),
        };
        var kind = row["kind"] is { } k
            ? Enum.TryParse<CreditKind>(k.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed
                : throw row.Problem("kind", $"unknown credit kind '{k}'")
            : CreditKind.Electricity;
        return new RegisterMeterKey
        {
            MeterNumber = row["meter"] ?? throw row.Problem("meter", "missing"),
            Profile = profile,
            SupplyGroupCode = Int("sgc", 0), TariffIndex = Int("ti", 0), KeyRevision = Int("krn", 1), KeyType = (KeyType)Int("kt", 2),
            KeyExpiry = Int("ken", 255), BaseDate = (BaseDate)Int("base", 2014), Dkga = Int("dkga", 2), Algorithm = (EncryptionAlgorithm)Int("ea", 7),
            CreditKind = kind, StartingCode = Int("startingcode", 0), DeviceCount = Int("count", 0), TimeDivider = Int("timedivider", 1),
            Restricted = row["restricteddigitmode"]?.ToLowerInvariant() is "1" or "true" or "yes",
            DeviceKey = row["key"], RegistrationCode = row["code"],
        };
    }
}
