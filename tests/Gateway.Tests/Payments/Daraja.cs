using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmsVending.Gateway.Tests.Payments;

/// <summary>Daraja's callbacks as the provider posts them, authenticated with the Gateway's callback secret.</summary>
internal static class Daraja
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string route, string json, string? secret) =>
        client.PostAsync(new Uri($"/payments/mpesa/{route}{(secret is null ? "" : "?secret=" + Uri.EscapeDataString(secret))}", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"));

    public static string C2b(string transId, string account, decimal amount, string msisdn = "254711000001") => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["TransactionType"] = "Pay Bill", ["TransID"] = transId, ["TransTime"] = "20260115103000", ["TransAmount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["BusinessShortCode"] = LoopbackDaraja.ShortCode, ["BillRefNumber"] = account, ["InvoiceNumber"] = "", ["OrgAccountBalance"] = "49197.00",
        ["ThirdPartyTransID"] = "", ["MSISDN"] = msisdn, ["FirstName"] = "AMINA", ["MiddleName"] = "", ["LastName"] = "OTIENO",
    });

    /// <summary>An STK callback: with the success metadata for code 0, without it otherwise (as Daraja sends them).</summary>
    public static string Stk(string checkoutRequestId, int resultCode, decimal amount = 0, string receipt = "")
    {
        var callback = new Dictionary<string, object>
        {
            ["MerchantRequestID"] = "29115-1", ["CheckoutRequestID"] = checkoutRequestId, ["ResultCode"] = resultCode,
            ["ResultDesc"] = resultCode == 0 ? "The service request is processed successfully." : "Not paid.",
        };
        if (resultCode == 0)
        {
            callback["CallbackMetadata"] = new
            {
                Item = new object[]
                {
                    new { Name = "Amount", Value = (object)amount }, new { Name = "MpesaReceiptNumber", Value = (object)receipt }, new { Name = "Balance" },
                    new { Name = "TransactionDate", Value = (object)20260115103512L }, new { Name = "PhoneNumber", Value = (object)254711000001L },
                },
            };
        }

        return JsonSerializer.Serialize(new { Body = new { stkCallback = callback } });
    }
}
