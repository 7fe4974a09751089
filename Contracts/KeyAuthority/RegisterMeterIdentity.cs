using SmsVending.Contracts.Refusals;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Registers a meter's Ed25519 public key with its meter record (the meter factory, once per meter), for IR sessions.</summary>
/// <param name="MeterNumber">A registered meter.</param>
/// <param name="PublicKey">64 hex digits.</param>
public sealed record RegisterMeterIdentity(string MeterNumber, string PublicKey);

/// <summary>The meter's key is registered (now or before, the same key); the host's public key is what the meter must trust.</summary>
public sealed record MeterIdentityRegistered(string MeterNumber, string PublicKey, string HostPublicKey);

/// <summary>Not registered: unknown meter, a malformed key, or another key registered already.</summary>
/// <param name="MeterNumber">The meter asked for.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
/// <param name="Kind">Not found, invalid (a malformed key or number), or conflict (another key).</param>
public sealed record MeterIdentityRefused(string MeterNumber, string Reason, RefusalKind Kind = RefusalKind.Invalid);
