using SmsVending.Contracts.Refusals;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>The meter's key record is stored.</summary>
public sealed record MeterKeyRegistered(string MeterNumber);

/// <summary>The registration was refused and nothing was stored.</summary>
public sealed record MeterKeyRegistrationRefused(string MeterNumber, string Reason, RefusalKind Kind = RefusalKind.Invalid);
