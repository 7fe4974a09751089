using SmsVending.Contracts.Refusals;

namespace SmsVending.Contracts.Vending.Admin;

/// <summary>The answer to any admin request that was refused: nothing was changed.</summary>
/// <param name="Reason">What is wrong, in words an operator can act on (an import's starts "line N: ").</param>
/// <param name="Line">For an import, the first bad line of the file (the header is line 1); otherwise null.</param>
/// <param name="Kind">What kind of refusal it is.</param>
public sealed record AdminRequestRefused(string Reason, int? Line = null, RefusalKind Kind = RefusalKind.Invalid);
