namespace SmsVending.Contracts.KeyAuthority;

/// <summary>The KeyAuthority refused a request; nothing was issued or stored.</summary>
/// <param name="RequestId">The request refused.</param>
/// <param name="Reason">A code the caller can turn into a customer message.</param>
/// <param name="Message">The details in words, safe to log (no key material).</param>
public sealed record TokenRequestRejected(Guid RequestId, TokenRejection Reason, string Message);

/// <summary>Why a token request was refused.</summary>
public enum TokenRejection
{
    /// <summary>No key record for this meter.</summary>
    UnknownMeter = 1,

    /// <summary>The meter's token profile cannot do this operation.</summary>
    UnsupportedOperation = 2,

    /// <summary>The amount is negative, zero for credit, or above what a token can carry.</summary>
    AmountOutOfRange = 3,

    /// <summary>The meter's base date has no TIDs left: a rollover key change is due.</summary>
    RolloverDue = 4,

    /// <summary>The vending key the meter needs is not in the store.</summary>
    KeyUnavailable = 5,

    /// <summary>The meter's key expiry number has passed: a key change is due.</summary>
    KeyExpired = 6,
}
