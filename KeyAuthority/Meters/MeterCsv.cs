using System.Globalization;
using System.Text;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;

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

    /// <summary>The records, or an <see cref="ArgumentException"/> naming the line and column at fault.</summary>
    public static IReadOnlyList<RegisterMeterKey> Read(TextReader reader)
    {
        var lines = Records(reader).ToList();
        if (lines.Count == 0)
        {
            throw new ArgumentException("the file is empty: the first line must name the columns");
        }

        var header = lines[0].Fields.Select(Normalise).ToList();
        if (!header.Contains("meter"))
        {
            throw new ArgumentException("line 1: no meter (or serial number) column");
        }

        var openPaygo = !header.Contains("profile") && header.Contains("startingcode") && header.Contains("key");
        return [.. lines.Skip(1).Where(l => l.Fields.Any(f => f.Length > 0)).Select(l => Record(header, l, openPaygo))];
    }

    private static RegisterMeterKey Record(List<string> header, (int Line, List<string> Fields) row, bool openPaygo)
    {
        string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < row.Fields.Count && row.Fields[i].Length > 0 ? row.Fields[i] : null;
        int Int(string column, int fallback) => Get(column) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw new ArgumentException($"line {row.Line}: {column}: expected a whole number, got '{text}'")
            : fallback;
        var profile = Get("profile")?.ToLowerInvariant() switch
        {
            null => openPaygo ? TokenProfile.OpenPaygo : TokenProfile.Sts,
            "sts" => TokenProfile.Sts,
            "openpaygo" or "opaygo" => TokenProfile.OpenPaygo,
            var other => throw new ArgumentException($"line {row.Line}: profile: expected sts or openpaygo, got '{other}'"),
        };
        var kind = Get("kind") is { } k
            ? Enum.TryParse<CreditKind>(k.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed
                : throw new ArgumentException($"line {row.Line}: kind: unknown credit kind '{k}'")
            : CreditKind.Electricity;
        return new RegisterMeterKey
        {
            MeterNumber = Get("meter") ?? throw new ArgumentException($"line {row.Line}: meter: missing"),
            Profile = profile,
            SupplyGroupCode = Int("sgc", 0), TariffIndex = Int("ti", 0), KeyRevision = Int("krn", 1), KeyType = (KeyType)Int("kt", 2),
            KeyExpiry = Int("ken", 255), BaseDate = (BaseDate)Int("base", 2014), Dkga = Int("dkga", 2), Algorithm = (EncryptionAlgorithm)Int("ea", 7),
            CreditKind = kind, StartingCode = Int("startingcode", 0), DeviceCount = Int("count", 0), TimeDivider = Int("timedivider", 1),
            Restricted = Get("restricteddigitmode")?.ToLowerInvariant() is "1" or "true" or "yes",
            DeviceKey = Get("key"), RegistrationCode = Get("code"),
        };
    }

    private static string Normalise(string column)
    {
        var name = new string([.. column.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant();
        return Aliases.GetValueOrDefault(name, name);
    }

    /// <summary>CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) with their first line number.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var (line, start) = (1, 1);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    field.Append((char)reader.Read());
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString().Trim());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString().Trim());
                    yield return (start, fields);
                    (fields, start, line) = ([], line + 1, line + 1);
                    field.Clear();
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return (start, fields);
        }
    }
}
