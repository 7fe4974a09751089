namespace SmsVending.Contracts.Vending;

/// <summary>Links a phone to a meter with the meter account's registration code (SMS "REG &lt;meter&gt; &lt;code&gt;"); asking twice is harmless.</summary>
/// <param name="RequestId">Unique per request (e.g. the inbound MessageSid), for the logs.</param>
/// <param name="Phone">The phone asking, E.164 or national notation.</param>
/// <param name="MeterNumber">The meter as typed (spaces and dashes allowed).</param>
/// <param name="RegistrationCode">The account's registration code, checked by the KeyAuthority.</param>
public sealed record LinkMeter(string RequestId, string Phone, string MeterNumber, string RegistrationCode);

/// <summary>The phone may buy for the meter: as its owner when it is the meter's first phone, else as an allowed buyer.</summary>
/// <param name="Phone">The phone (E.164).</param>
/// <param name="MeterNumber">The meter linked (normalised).</param>
/// <param name="Meters">Every meter the phone may now buy for.</param>
/// <param name="Language">The reply language.</param>
/// <param name="NewCustomer">True when this request registered the phone as a customer.</param>
public sealed record MeterLinked(string Phone, string MeterNumber, IReadOnlyList<string> Meters, string Language, bool NewCustomer);

/// <summary>The phone was not linked; nothing was stored.</summary>
/// <param name="Phone">The phone (E.164 when it is valid, else as given).</param>
/// <param name="MeterNumber">The meter (normalised) when it exists; null for an unknown meter or an invalid phone.</param>
/// <param name="Reason">Why.</param>
/// <param name="Message">The details in words (for an unknown meter, a check-digit hint where it applies).</param>
/// <param name="AttemptsLeft">Wrong codes left before the account locks (WrongCode).</param>
/// <param name="LockedUntil">When a locked account opens again (Locked).</param>
/// <param name="Language">The reply language.</param>
public sealed record MeterLinkRefused(
    string Phone, string? MeterNumber, LinkRefusal Reason, string Message, int? AttemptsLeft, DateTimeOffset? LockedUntil, string Language);

/// <summary>Why a phone could not be linked to a meter.</summary>
public enum LinkRefusal
{
    /// <summary>The phone number is not valid.</summary>
    InvalidPhone = 1,

    /// <summary>No such meter (the message may carry a check-digit hint).</summary>
    UnknownMeter = 2,

    /// <summary>The registration code is wrong.</summary>
    WrongCode = 3,

    /// <summary>Too many wrong codes: the meter account is locked for a while.</summary>
    Locked = 4,

    /// <summary>The meter account has no registration code: the utility must issue one.</summary>
    NoCodeSet = 5,

    /// <summary>The KeyAuthority did not answer in time; nothing was linked, the customer may try again.</summary>
    KeyAuthorityUnavailable = 6,
}
