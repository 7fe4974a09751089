using System.Globalization;
using System.Text.Json;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>A customer pays the paybill from their wallet: Daraja's validation request (when the paybill has it on), then, if it is
/// accepted, the confirmation, both to the Gateway's C2B routes with the callback secret, in Daraja's JSON.</summary>
internal sealed class C2bSender(CallbackPoster poster, MobileMoneySettings settings, TimeProvider time)
{
    public async Task<C2bPayment> SendAsync(string phone, string accountReference, decimal amount, bool duplicate, string firstName, CancellationToken cancellationToken)
    {
        var gateway = settings.Gateway ?? throw new InvalidOperationException("The mobile-money provider has no Gateway configured");
        var msisdn = MobileMoneyCustomers.Key(phone);
        var transaction = Transaction(DarajaIds.Receipt(), msisdn, accountReference, amount, firstName);
        if (!settings.Customers.TryDebit(msisdn, amount))
        {
            throw new InvalidOperationException($"The wallet of ****{msisdn[^4..]} holds less than {amount}: M-Pesa refuses the payment before the paybill hears of it");
        }

        GatewayAnswer? validation = null;
        if (settings.ValidateC2b)
        {
            validation = await poster.PostAsync(Url(gateway, "validation"), transaction, cancellationToken);
            if (!Accepted(validation))
            {
                settings.Customers.Credit(msisdn, amount); // the paybill refused it: the money goes back
                return new C2bPayment(transaction["TransID"], validation, []);
            }
        }

        List<GatewayAnswer> confirmations = [await poster.PostAsync(Url(gateway, "confirmation"), transaction, cancellationToken)];
        if (duplicate)
        {
            confirmations.Add(await poster.PostAsync(Url(gateway, "confirmation"), transaction, cancellationToken));
        }

        return new C2bPayment(transaction["TransID"], validation, confirmations);
    }

    private Dictionary<string, string> Transaction(string transId, string msisdn, string account, decimal amount, string firstName) => new()
    {
        ["TransactionType"] = "Pay Bill", ["TransID"] = transId, ["TransTime"] = DarajaIds.Timestamp(time.GetUtcNow()),
        ["TransAmount"] = amount.ToString("0.00", CultureInfo.InvariantCulture), ["BusinessShortCode"] = settings.ShortCode, ["BillRefNumber"] = account,
        ["InvoiceNumber"] = "", ["OrgAccountBalance"] = "", ["ThirdPartyTransID"] = "", ["MSISDN"] = msisdn,
        ["FirstName"] = firstName, ["MiddleName"] = "", ["LastName"] = "",
    };

    private Uri Url(Uri gateway, string step) =>
        new($"{gateway.AbsoluteUri.TrimEnd('/')}/payments/mpesa/c2b/{step}?secret={Uri.EscapeDataString(settings.CallbackSecret ?? "")}");

    // Daraja goes ahead on ResultCode "0" (a string or a number); anything else, or no readable answer, cancels the payment.
    private static bool Accepted(GatewayAnswer answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            return (int)answer.Status is >= 200 and < 300 && json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("ResultCode", out var code) && code.ToString() == "0";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
