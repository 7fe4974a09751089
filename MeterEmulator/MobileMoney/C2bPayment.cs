namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>A C2B paybill payment the provider made, and the Gateway's answers.</summary>
/// <param name="TransId">The M-Pesa transaction id (TransID), unique per payment; a duplicate resends the same one.</param>
/// <param name="Validation">The answer to the validation request; null when validation is off.</param>
/// <param name="Confirmations">The answers to each confirmation sent (none when validation refused the payment).</param>
public sealed record C2bPayment(string TransId, GatewayAnswer? Validation, IReadOnlyList<GatewayAnswer> Confirmations)
{
    /// <summary>Whether validation let the payment through (or was off), so the money moved.</summary>
    public bool Accepted => Confirmations.Count > 0;
}
