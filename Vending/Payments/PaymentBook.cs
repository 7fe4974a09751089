using Dapper;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Payments;

/// <summary>Records a provider's payment once (unique provider id) and credits it, in one transaction.</summary>
internal sealed class PaymentBook(VendingDatabase database, TimeProvider clock)
{
    /// <summary>Credits the wallet (or suspense when <paramref name="walletOwnerId"/> is null); false when the payment was recorded before.</summary>
    public async Task<bool> RecordAsync(string providerId, string kind, string? phone, string? meterNumber, Money amount, string? walletOwnerId, string raw,
        CancellationToken cancellationToken)
    {
        if (amount.Minor <= 0)
        {
            throw new ArgumentException($"payment {providerId} has no positive amount");
        }

        var now = clock.GetUtcNow();
        return await database.WriteAsync(async connection =>
        {
            var recorded = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO vd_payments (provider_id, kind, phone, meter_number, amount_minor, currency, status, purchase_id, raw, received_at)
                VALUES (@providerId, @kind, @phone, @meterNumber, @Minor, @Currency, @Status, NULL, @raw, @At)
                ON CONFLICT (provider_id) DO NOTHING
                """, new
            {
                providerId, kind, phone, meterNumber, amount.Minor, amount.Currency, Status = walletOwnerId is null ? "unmatched" : "credited", raw,
                At = now.ToUnixTimeMilliseconds(),
            }, null, cancellationToken: cancellationToken)) == 1;
            if (recorded)
            {
                await Ledger.Ledger.PostAsync(connection, null, $"payment:{providerId}", LedgerAccounts.MobileMoney,
                    walletOwnerId is null ? LedgerAccounts.Suspense : LedgerAccounts.Wallet(walletOwnerId), amount, now, providerId, cancellationToken);
            }
            return recorded;
        }, cancellationToken);
    }
}
