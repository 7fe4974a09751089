namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>What a delivery report learns of the message it is about: a report comes three times an SMS, and the whole row is more
/// than it needs.</summary>
public sealed record ReportedMessage(long Id, string? PurchaseId);
