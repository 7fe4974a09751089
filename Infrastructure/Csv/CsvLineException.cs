namespace SmsVending.Infrastructure.Csv;

/// <summary>A CSV line is wrong: the message starts "line N: " and <see cref="Line"/> says which.</summary>
public sealed class CsvLineException(int line, string problem, Exception? inner = null) : ArgumentException($"line {line}: {problem}", inner)
{
    /// <summary>The file line at fault (the header is line 1).</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line number.</summary>
    public string Problem { get; } = problem;
}
