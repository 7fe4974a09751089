namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>An STK push the provider accepted, and what became of it.</summary>
/// <param name="Phone">The phone prompted, as Daraja writes it (2547…).</param>
/// <param name="ResultCode">The callback's ResultCode once sent; null while none was sent (never answered, or late).</param>
public sealed record StkPushRecord(
    string CheckoutRequestId, string MerchantRequestId, string Phone, decimal Amount, string AccountReference, Uri CallbackUrl, DateTimeOffset At,
    CustomerBehaviour Behaviour, int? ResultCode = null, string? Receipt = null);
