namespace SmsVending.Contracts.Vending;

/// <summary>A mobile-money C2B payment to the utility's paybill (Daraja confirmation); the account reference is the meter.</summary>
/// <param name="ProviderTransactionId">TransID: unique, the idempotency key.</param>
/// <param name="Phone">MSISDN (may be masked by the provider).</param>
/// <param name="AccountReference">BillRefNumber: the meter number.</param>
/// <param name="Amount">TransAmount.</param>
/// <param name="Currency">The paybill's currency.</param>
/// <param name="Raw">The provider's payload as received, kept for the record.</param>
public sealed record PaymentReceived(string ProviderTransactionId, string? Phone, string AccountReference, decimal Amount, string Currency, string Raw);
