namespace SmsVending.Contracts.Ir;

/// <summary>A frame was refused; the reason is machine-readable, the message says what was wrong.</summary>
public sealed class IrProtocolException(IrRefusal reason, string message) : Exception(message)
{
    /// <summary>Why the frame was refused.</summary>
    public IrRefusal Reason { get; } = reason;
}
