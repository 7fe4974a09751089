namespace SmsVending.Contracts.Vending;

/// <summary>Sends a purchase's tokens again (SMS "LAST [meter]", or a call-centre resend): never a new vend.</summary>
/// <param name="RequestId">Unique per resend request; the reply's idempotency key.</param>
/// <param name="Phone">The phone asking (LAST) or the customer's phone (staff).</param>
/// <param name="PurchaseId">A specific purchase (staff); null means the phone's latest issued purchase.</param>
/// <param name="MeterNumber">With no purchase id: the latest for this meter.</param>
public sealed record ResendTokens(string RequestId, string Phone, Guid? PurchaseId = null, string? MeterNumber = null);

/// <summary>Runs a stored purchase request again (call-centre replay): a finished one resends its result, a refused one
/// is tried afresh, a stuck one resumes.</summary>
/// <param name="ReplayId">Unique per replay: replaying the same replay twice does nothing new.</param>
/// <param name="Original">The request as it first arrived.</param>
public sealed record ReplayPurchase(string ReplayId, PurchaseRequested Original);

/// <summary>Staff search: purchases by phone, meter or the inbound message / payment reference.</summary>
public sealed record FindPurchases(string? Phone = null, string? MeterNumber = null, string? Reference = null, int Limit = 50);

/// <summary>The purchases found, newest first.</summary>
public sealed record PurchasesFound(IReadOnlyList<PurchaseSummary> Purchases);

/// <summary>One purchase as staff see it.</summary>
public sealed record PurchaseSummary(
    Guid PurchaseId, string IdempotencyKey, string Phone, string? MeterNumber, string Channel, decimal Amount, string Currency,
    string Status, string? Reason, string? Detail, decimal? Units, IReadOnlyList<string> Tokens, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
