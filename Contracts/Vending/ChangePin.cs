namespace SmsVending.Contracts.Vending;

/// <summary>Changes a customer's PIN (SMS "PIN &lt;old&gt; &lt;new&gt;"); a customer without a PIN gives "0000" as the old one.</summary>
/// <param name="RequestId">Unique per request (e.g. the inbound MessageSid), for the logs.</param>
/// <param name="Phone">The customer's phone, E.164 or national notation.</param>
/// <param name="OldPin">The current PIN, or "0000" when none is set yet.</param>
/// <param name="NewPin">The new PIN: 4 to 8 digits.</param>
public sealed record ChangePin(string RequestId, string Phone, string OldPin, string NewPin);

/// <summary>The PIN is changed (also the answer to a repeat of a change already made).</summary>
public sealed record PinChanged(string Phone, string Language);

/// <summary>The PIN was not changed.</summary>
/// <param name="Phone">The phone (E.164 when known).</param>
/// <param name="Reason">Why.</param>
/// <param name="Message">The details in words.</param>
/// <param name="LockedUntil">When a PIN lock ends (PinLocked).</param>
/// <param name="Language">The reply language.</param>
public sealed record PinChangeRefused(string Phone, PinRefusal Reason, string Message, DateTimeOffset? LockedUntil, string Language);

/// <summary>Why a PIN change was refused.</summary>
public enum PinRefusal
{
    /// <summary>The phone is not registered.</summary>
    UnknownCustomer = 1,

    /// <summary>The old PIN is wrong; it counts towards the same lock as wrong PINs on purchases.</summary>
    WrongPin = 2,

    /// <summary>Too many wrong PINs.</summary>
    PinLocked = 3,

    /// <summary>The new PIN is not 4 to 8 digits.</summary>
    InvalidNewPin = 4,
}
