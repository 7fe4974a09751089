using System.Globalization;
using System.Text;
using Polly.Timeout;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Phones;

namespace SmsVending.Gateway.Payments;

/// <summary>Charges a phone for a parked purchase by M-Pesa STK push, once per purchase, and remembers the CheckoutRequestID so
/// the callback finds the purchase. Without a configured provider nothing is pushed and Vending's charge timeout refuses it.</summary>
internal sealed class StkPush(DarajaClient daraja, StkRequests requests, MpesaOptions options, GatewayOptions gateway, TimeProvider clock, ILogger<StkPush> log)
{
    /// <summary>The code a refused push settles with (Vending reads any code but 0 and 1032 as "failed").</summary>
    public const int PushRefused = -1;

    // Daraja's timestamps are Nairobi time (EAT, UTC+3, no daylight saving).
    private static readonly TimeSpan Nairobi = TimeSpan.FromHours(3);

    /// <summary>Pushes the charge; returns a failed settlement to publish when Daraja refused the push outright, else null.</summary>
    public async Task<MobileMoneyChargeSettled?> ChargeAsync(MobileMoneyChargeRequested charge, CancellationToken cancellationToken)
    {
        if (options.ApiBaseUrl is null)
        {
            log.LogWarning("No mobile-money provider is configured (Gateway:Mpesa:ApiBaseUrl): purchase {PurchaseId} is not pushed and waits for Vending's charge timeout",
                charge.PurchaseId);
            return null;
        }

        if (!await requests.ClaimAsync(charge, cancellationToken))
        {
            return null; // pushed already: a second prompt could charge twice
        }

        StkPushAnswer answer;
        try
        {
            answer = await daraja.PushAsync(Request(charge), cancellationToken);
        }
        catch (Exception e) when (e is TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            log.LogError("The STK push for purchase {PurchaseId} timed out; it may have reached the phone, so it is not repeated (Vending's timeout settles it)", charge.PurchaseId);
            return null;
        }
        catch (Exception)
        {
            await requests.ReleaseAsync(charge.PurchaseId, CancellationToken.None);
            throw;
        }

        if (!answer.Accepted)
        {
            log.LogWarning("Daraja refused the STK push for purchase {PurchaseId}: {Answer}", charge.PurchaseId, answer.Raw.Length > 300 ? answer.Raw[..300] : answer.Raw);
            return new MobileMoneyChargeSettled(charge.PurchaseId, PushRefused, null, 0, charge.Currency, answer.Raw);
        }

        await requests.PushedAsync(charge.PurchaseId, answer.CheckoutRequestId!, answer.MerchantRequestId, cancellationToken);
        log.LogInformation("STK push {CheckoutRequestId} sent for purchase {PurchaseId} to {Phone}", answer.CheckoutRequestId, charge.PurchaseId, Phones.Masked(charge.Phone));
        return null;
    }

    private StkPushRequest Request(MobileMoneyChargeRequested charge)
    {
        var timestamp = clock.GetUtcNow().ToOffset(Nairobi).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var phone = charge.Phone.TrimStart('+');
        var callback = $"{gateway.PublicBaseUrl!.AbsoluteUri.TrimEnd('/')}/payments/mpesa/stk/callback?secret={Uri.EscapeDataString(options.CallbackSecret!)}";
        // Daraja charges whole shillings and takes at most 12 characters of account reference (the meter's end is the distinctive part).
        return new StkPushRequest(options.ShortCode!, Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ShortCode + options.PassKey + timestamp)), timestamp,
            "CustomerPayBillOnline", (long)Math.Ceiling(charge.Amount), phone, options.ShortCode!, phone, callback,
            charge.AccountReference.Length > 12 ? charge.AccountReference[^12..] : charge.AccountReference, "Meter token");
    }
}
