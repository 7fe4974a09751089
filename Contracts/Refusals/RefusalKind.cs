namespace SmsVending.Contracts.Refusals;

/// <summary>What kind of "no" a service's refusal is, so that a caller answers it in its own terms (an HTTP status) without
/// reading the reason's words.</summary>
public enum RefusalKind
{
    /// <summary>The request itself is wrong: a bad field, a bad line of a file.</summary>
    Invalid,

    /// <summary>It names a customer or meter that does not exist.</summary>
    NotFound,

    /// <summary>It would repeat or replace something that exists already.</summary>
    Conflict,

    /// <summary>The requester may not have it (the manufacturing export turned off, or the wrong role).</summary>
    Forbidden,
}
