namespace SmsVending.Contracts.Ir;

/// <summary>The idempotency key of a purchase an IR session starts: the KeyAuthority makes it from the session, and Vending tells
/// such a purchase's outcome apart by it.</summary>
public static class IrPurchaseKey
{
    private const string Prefix = "ir:";

    /// <summary>The key of the purchase that the session starts.</summary>
    public static string Of(string sessionId) => Prefix + sessionId;

    /// <summary>The session a purchase belongs to, when its idempotency key is an IR session's; otherwise null.</summary>
    public static string? SessionOf(string idempotencyKey) =>
        idempotencyKey.StartsWith(Prefix, StringComparison.Ordinal) ? idempotencyKey[Prefix.Length..] : null;
}
