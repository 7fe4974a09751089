using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Payments;

/// <summary>Mobile-money C2B payments: recorded once per provider transaction and credited to a wallet.</summary>
/// <remarks>
/// The account reference decides: a meter number credits its owner's wallet and then buys for that meter with the
/// whole amount; a registered phone number tops up that customer's wallet for later SMS or USSD purchases; anything
/// else is held in suspense for staff.
/// </remarks>
internal sealed class PaymentService(PaymentBook book, MeterRegistry meters, CustomerStore customers, PurchaseService purchases)
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

        await book.RecordAsync(payment.ProviderTransactionId, "c2b", payment.Phone, meterNumber, amount, walletOwner, payment.Raw, cancellationToken);

        var owner = ownerId is null ? null : await customers.FindAsync(ownerId, cancellationToken);
        return owner is null ? null : await purchases.PurchaseAsync(new PurchaseRequested
        {
            IdempotencyKey = "payment:" + payment.ProviderTransactionId, Phone = owner.Phone, MeterNumber = meterNumber,
            Amount = payment.Amount, Channel = "mobile-money", PaidByProvider = true,
        }, cancellationToken);
    }
}
