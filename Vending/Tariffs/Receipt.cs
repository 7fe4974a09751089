namespace SmsVending.Vending.Tariffs;

/// <summary>What a purchase bought and every deduction from the amount paid; <see cref="Charged"/> leaves the wallet.</summary>
/// <param name="Paid">The amount the customer offered.</param>
/// <param name="FixedCharge">The month's fixed charge, on its first purchase.</param>
/// <param name="DebtRecovery">Towards the meter's debt.</param>
/// <param name="Energy">The units' price before VAT.</param>
/// <param name="Vat">VAT on the energy.</param>
/// <param name="Units">Units on the token, rounded down to 0.1.</param>
/// <param name="Unit">The unit, e.g. kWh.</param>
public sealed record Receipt(Money Paid, Money FixedCharge, Money DebtRecovery, Money Energy, Money Vat, decimal Units, string Unit)
{
    /// <summary>What the purchase costs: fixed charge, debt recovery, energy and VAT.</summary>
    public Money Charged => FixedCharge + DebtRecovery + Energy + Vat;

    /// <summary>What stays in the wallet because units are sold in steps of 0.1.</summary>
    public Money Change => Paid - Charged;
}
