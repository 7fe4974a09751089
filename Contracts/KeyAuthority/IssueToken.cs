namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Asks the KeyAuthority for a token for one meter; the same request id always gets the same tokens.</summary>
/// <param name="RequestId">The idempotency key (the purchase's id).</param>
/// <param name="MeterNumber">The meter (or OpenPAYGO device serial) as registered.</param>
/// <param name="Operation">What the token does.</param>
/// <param name="Amount">Credit: units (kWh, m³, …) or days for OpenPAYGO; power limits: watts; other management tokens: the raw field.</param>
/// <param name="Requester">Who asks (service or operator), for the audit log.</param>
public sealed record IssueToken(Guid RequestId, string MeterNumber, TokenOperation Operation, decimal Amount, string Requester);

/// <summary>The kinds of token the KeyAuthority issues.</summary>
public enum TokenOperation
{
    /// <summary>STS class 0 credit of the meter's kind, or OpenPAYGO ADD_TIME.</summary>
    Credit = 0,

    /// <summary>STS class 2 subclass 0.</summary>
    SetMaximumPowerLimit = 1,

    /// <summary>STS class 2 subclass 1.</summary>
    ClearCredit = 2,

    /// <summary>STS class 2 subclass 2.</summary>
    SetTariffRate = 3,

    /// <summary>STS class 2 subclass 5.</summary>
    ClearTamper = 4,

    /// <summary>STS class 2 subclass 6.</summary>
    SetPhaseUnbalanceLimit = 5,

    /// <summary>STS class 2 subclass 7.</summary>
    SetWaterMeterFactor = 6,

    /// <summary>OpenPAYGO SET_TIME (amount in days).</summary>
    SetTime = 7,

    /// <summary>OpenPAYGO DISABLE_PAYG.</summary>
    DisablePayg = 8,

    /// <summary>OpenPAYGO COUNTER_SYNC.</summary>
    CounterSync = 9,
}
