namespace SmsVending.Infrastructure.Csv;

/// <summary>One data row of a <see cref="CsvTable"/>: its fields by column name, and the line it starts on for error messages.</summary>
public sealed class CsvRow
{
    private readonly CsvTable table;
    private readonly List<string> fields;

    internal CsvRow(CsvTable table, int line, List<string> fields) => (this.table, Line, this.fields) = (table, line, fields);

    /// <summary>The file line the row starts on (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>The field under a column (its normalised name), or null when the column is missing or the field empty.</summary>
    public string? this[string column] => table.IndexOf(column) is var i and >= 0 && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;

    /// <summary>The error for a bad field: "line 7: language: expected en or sw, got 'fr'".</summary>
    public CsvLineException Problem(string column, string problem) => new(Line, $"{column}: {problem}");
}
