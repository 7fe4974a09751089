namespace SmsVending.Contracts.Ir;

/// <summary>Why a side refused a frame; nothing is charged or credited for a refused frame.</summary>
public enum IrRefusal
{
    /// <summary>The frame is not laid out as the protocol says (length, fields, text).</summary>
    Malformed = 1,

    /// <summary>A frame version this side does not speak.</summary>
    UnsupportedVersion = 2,

    /// <summary>A frame of the wrong type for this point of the session (reordered or replayed).</summary>
    UnexpectedFrame = 3,

    /// <summary>The meter is not registered, or has no identity key.</summary>
    UnknownMeter = 4,

    /// <summary>A signature does not verify: another meter's or host's key, or an altered transcript.</summary>
    BadSignature = 5,

    /// <summary>The frame does not decrypt under the session's process key: altered, or from another session.</summary>
    Undecryptable = 6,

    /// <summary>No such session, or the frame belongs to another one.</summary>
    UnknownSession = 7,

    /// <summary>The session's time ran out before the request.</summary>
    SessionExpired = 8,

    /// <summary>The session already carries another request (one purchase per session).</summary>
    RequestConflict = 9,

    /// <summary>The key agreement failed (a degenerate ephemeral key).</summary>
    KeyAgreementFailed = 10,
}
