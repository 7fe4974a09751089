namespace SmsVending.Contracts.Vending;

/// <summary>Vending asks the Gateway to charge the buyer's phone (M-Pesa STK push) for a parked purchase.</summary>
/// <param name="PurchaseId">The parked purchase; the callback names it.</param>
/// <param name="Phone">The phone to charge (E.164).</param>
/// <param name="Amount">How much.</param>
/// <param name="Currency">In which currency.</param>
/// <param name="AccountReference">The meter, shown to the customer on the push prompt.</param>
public sealed record MobileMoneyChargeRequested(Guid PurchaseId, string Phone, decimal Amount, string Currency, string AccountReference);

/// <summary>The provider's callback for a push charge (STK callback), possibly repeated or late.</summary>
/// <param name="PurchaseId">The purchase the charge was for.</param>
/// <param name="ResultCode">0 success, 1032 cancelled by the customer, 1 insufficient funds, others failed.</param>
/// <param name="ProviderTransactionId">The receipt number on success (MpesaReceiptNumber): unique.</param>
/// <param name="Amount">The amount charged on success.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Raw">The callback as received.</param>
public sealed record MobileMoneyChargeSettled(Guid PurchaseId, int ResultCode, string? ProviderTransactionId, decimal Amount, string Currency, string Raw);
