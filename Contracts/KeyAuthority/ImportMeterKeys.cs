using SmsVending.Contracts.Refusals;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Registers every meter key record in a CSV text, or none (the columns of the KeyAuthority's `meters import`).</summary>
/// <param name="Csv">The file's text; its first line names the columns.</param>
public sealed record ImportMeterKeys(string Csv);

/// <summary>Every record of the import is stored.</summary>
public sealed record MeterKeysImported(int Count);

/// <summary>The import was refused and nothing was stored.</summary>
/// <param name="Reason">What is wrong, starting "line N: " when a line is at fault.</param>
/// <param name="Line">The first bad line of the file (the header is line 1), or null when the file as a whole is wrong.</param>
/// <param name="Kind">What kind of refusal it is (a meter registered already is a conflict).</param>
public sealed record MeterKeysImportRefused(string Reason, int? Line, RefusalKind Kind = RefusalKind.Invalid);
