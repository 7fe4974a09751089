using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Payments;

/// <summary>Mobile-money C2B payments: recorded once per provider transaction and credited to a wallet.</summary>
/// <remarks>
/// The account reference decides: a meter number credits its owner's wallet and then buys for that meter with the
/// whole amount; a registered phone number tops up that customer's wallet for later SMS or USSD purchases; anything
/// else is held in suspense for staff.
/// </remarks>
internal sealed class PaymentService(VendingDatabase database, MeterRegistry meters, CustomerStore customers, PurchaseService purchases, TimeProvider clock)
{
    /// <summary>The purchase the payment paid for; null for a wallet top-up or a payment held in suspense.</summary>
    public async Task<PurchaseOutcome?> ReceiveAsync(PaymentReceived payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var meterNumber = MeterReference.Normalised(payment.AccountReference);
        var ownerId = await meters.OwnerOfAsync(meterNumber, cancellationToken);
        var topUp = ownerId is null ? await customers.FindByPhoneAsync(payment.AccountReference, cancellationToken) : null;
        var walletOwner = ownerId ?? topUp?.Id;
        var amount = Money.Of(payment.Amount, payment.Currency);
        if (amount.Minor <= 0)
        {
            throw new ArgumentException($"payment {payment.ProviderTransactionId} has no positive amount");
        }

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var recorded = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO vd_payments (provider_id, kind, phone, meter_number, amount_minor, currency, status, purchase_id, raw, received_at)
                VALUES (@Id, 'c2b', @Phone, @meterNumber, @Minor, @Currency, @Status, NULL, @Raw, @At)
                ON CONFLICT (provider_id) DO NOTHING
                """, new
            {
                Id = payment.ProviderTransactionId, payment.Phone, meterNumber, amount.Minor, amount.Currency, Status = walletOwner is null ? "unmatched" : "credited",
                payment.Raw, At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancellationToken));
            if (recorded == 1)
            {
                await Ledger.Ledger.PostAsync(connection, transaction, $"payment:{payment.ProviderTransactionId}", LedgerAccounts.MobileMoney,
                    walletOwner is null ? LedgerAccounts.Suspense : LedgerAccounts.Wallet(walletOwner), amount, clock.GetUtcNow(), payment.ProviderTransactionId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var owner = ownerId is null ? null : await customers.FindAsync(ownerId, cancellationToken);
        return owner is null ? null : await purchases.PurchaseAsync(new PurchaseRequested
        {
            IdempotencyKey = "payment:" + payment.ProviderTransactionId, Phone = owner.Phone, MeterNumber = meterNumber,
            Amount = payment.Amount, Channel = "mobile-money", PaidByProvider = true,
        }, cancellationToken);
    }
}
