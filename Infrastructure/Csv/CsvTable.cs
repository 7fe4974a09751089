using System.Text;

namespace SmsVending.Infrastructure.Csv;

/// <summary>A CSV file whose first line names the columns; columns are found by name, ignoring case, spaces and punctuation.</summary>
/// <remarks>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Blank lines are skipped; fields are trimmed.</remarks>
public sealed class CsvTable
{
    private readonly List<string> columns;

    private CsvTable(List<string> columns, List<(int Line, List<string> Fields)> rows)
    {
        this.columns = columns;
        Rows = [.. rows.Where(r => r.Fields.Any(f => f.Length > 0)).Select(r => new CsvRow(this, r.Line, r.Fields))];
    }

    /// <summary>The data rows, in file order, each with the line it starts on.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads the table; <paramref name="aliases"/> maps other names of a column (normalised) to the one the caller asks for.</summary>
    public static CsvTable Read(TextReader reader, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var records = Records(reader).ToList();
        if (records.Count == 0)
        {
            throw new ArgumentException("the file is empty: the first line must name the columns");
        }

        var header = records[0].Fields.Select(Name).Select(n => aliases?.GetValueOrDefault(n) ?? n).ToList();
        return new CsvTable(header, records[1..]);
    }

    /// <summary>Whether the header names this column.</summary>
    public bool Has(string column) => columns.Contains(column);

    internal int IndexOf(string column) => columns.IndexOf(column);

    /// <summary>A column name as compared: letters and digits only, lower case ("Serial Number" is "serialnumber").</summary>
    public static string Name(string header) => new string([.. header.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant();

    /// <summary>CSV records with the line each starts on.</summary>
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
