using SmsVending.Contracts.Refusals;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>The meter's key record is stored.</summary>
public sealed record MeterKeyRegistered(string MeterNumber);

/// <summary>The registration was refused and nothing was stored.</summary>
/// <param name="MeterNumber">The meter asked for.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
/// <param name="Kind">Conflict when the meter is registered already (a retried call), otherwise invalid.</param>
public sealed record MeterKeyRegistrationRefused(string MeterNumber, string Reason, RefusalKind Kind = RefusalKind.Invalid);
