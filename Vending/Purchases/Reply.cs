using System.Text.Json;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Purchases;

/// <summary>Builds a purchase's outcome messages from what is stored, so a repeat delivery replies exactly as the first did.</summary>
internal sealed class Reply(PurchaseRow purchase, string phone, string language)
{
    public PurchaseOutcome Refused(PurchaseRejection reason, string detail) => new(null, new PurchaseRejected
    {
        PurchaseId = purchase.PurchaseId, IdempotencyKey = purchase.IdempotencyKey, Phone = phone, Language = language, Reason = reason,
        Message = detail, MeterNumber = purchase.MeterNumber, WillRetry = reason == PurchaseRejection.ServiceBusy,
    });

    public async Task<TokenIssued> IssuedAsync(PurchaseStore store, CancellationToken cancellationToken)
    {
        var receipt = JsonSerializer.Deserialize<Receipt>(purchase.Receipt!)!;
        var tokens = JsonSerializer.Deserialize<List<IssuedToken>>(purchase.Tokens!)!;
        var wallet = await store.WalletAsync(purchase.CustomerId!, purchase.Currency, cancellationToken);
        return new TokenIssued(purchase.PurchaseId, purchase.IdempotencyKey, phone, language, purchase.MeterNumber!, tokens,
            new PurchaseReceipt(receipt.Paid.Currency, receipt.Paid.Amount, receipt.Charged.Amount, receipt.FixedCharge.Amount, receipt.DebtRecovery.Amount,
                receipt.Energy.Amount, receipt.Vat.Amount, receipt.Units, receipt.Unit, wallet.Amount));
    }
}
