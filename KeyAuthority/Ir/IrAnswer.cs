using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>What the host answers a relayed frame: a frame for the meter, "pending" (ask again), or a refusal; and the purchase to
/// publish, when this frame started it or it needs publishing again.</summary>
internal sealed record IrAnswer(byte[]? Frame = null, IrRefusal? Refusal = null, string Message = "", string? SessionId = null, PurchaseRequested? Publish = null)
{
    /// <summary>Neither a frame nor a refusal: the purchase is running.</summary>
    public bool Pending => Frame is null && Refusal is null;
}
