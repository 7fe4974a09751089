namespace SmsVending.Contracts.Ir;

/// <summary>The four frames of an IR session, in the order they travel.</summary>
public enum IrFrameType : byte
{
    /// <summary>1, meter → host: the meter's account number, ephemeral X25519 key and nonce.</summary>
    Hello = 1,

    /// <summary>2, host → meter: the session id, the host's ephemeral key and nonce, the expiry, signed over the transcript.</summary>
    HostHello = 2,

    /// <summary>3, meter → host: the purchase request, signed by the meter and encrypted under the process key.</summary>
    Request = 3,

    /// <summary>4, host → meter: the confirmation, signed by the host and encrypted under the process key.</summary>
    Confirmation = 4,
}
