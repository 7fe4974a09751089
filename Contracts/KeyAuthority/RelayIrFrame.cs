using SmsVending.Contracts.Ir;

namespace SmsVending.Contracts.KeyAuthority;

/// <summary>A frame of an IR session that a phone relays from a meter to the sales host (frame 1 or 3), asked by the Gateway.</summary>
/// <param name="Frame">The frame as the meter sent it (at most <see cref="IrFrame.MaxLength"/> bytes).</param>
public sealed record RelayIrFrame(byte[] Frame);

/// <summary>The host's frame for the meter: frame 2 for a hello, frame 4 (always the same bytes) for a request it has decided.</summary>
public sealed record IrFrameAnswered(byte[] Frame);

/// <summary>The request is accepted and the purchase runs; send the same frame again after a while for the confirmation.</summary>
public sealed record IrFramePending(string SessionId, int RetryAfterMilliseconds);

/// <summary>The host refused the frame; nothing was charged.</summary>
public sealed record IrFrameRefused(IrRefusal Reason, string Message);
