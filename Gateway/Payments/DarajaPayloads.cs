using System.Globalization;
using System.Text.Json;

namespace SmsVending.Gateway.Payments;

/// <summary>A C2B paybill transaction as Daraja posts it for validation and confirmation.</summary>
/// <param name="TransId">TransID: the provider's unique id, our idempotency key.</param>
/// <param name="AccountReference">BillRefNumber: the meter number (or a registered phone, for a top-up).</param>
/// <param name="Msisdn">The payer's number; Daraja may mask it.</param>
internal sealed record C2bTransaction(string TransId, decimal Amount, string AccountReference, string? Msisdn, string? ShortCode)
{
    public static C2bTransaction? Parse(JsonElement root, out string? problem)
    {
        var id = DarajaJson.Text(root, "TransID");
        var account = DarajaJson.Text(root, "BillRefNumber")?.Trim();
        var amount = DarajaJson.Amount(root, "TransAmount");
        problem = id is null || id.Length > 64 || !id.All(char.IsAsciiLetterOrDigit) ? "TransID is missing or not letters and digits"
            : amount is null ? "TransAmount is missing or not a positive amount"
            : string.IsNullOrEmpty(account) || account.Length > 64 ? "BillRefNumber is missing or longer than 64 characters"
            : null;
        return problem is null ? new C2bTransaction(id!, amount!.Value, account!, DarajaJson.Text(root, "MSISDN"), DarajaJson.Text(root, "BusinessShortCode")) : null;
    }
}

/// <summary>An STK push's result as Daraja posts it: <c>Body.stkCallback</c> with the metadata items of a success.</summary>
/// <param name="ResultCode">0 paid, 1032 cancelled by the customer, 1 insufficient funds, others failed.</param>
internal sealed record StkResult(string CheckoutRequestId, int ResultCode, string? ResultDesc, decimal? Amount, string? Receipt, string? TransactionDate, string? Phone)
{
    public static StkResult? Parse(JsonElement root, out string? problem)
    {
        var callback = root.TryGetProperty("Body", out var body) && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("stkCallback", out var c)
            && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        if (callback is not { } stk)
        {
            problem = "Body.stkCallback is missing";
            return null;
        }

        var id = DarajaJson.Text(stk, "CheckoutRequestID");
        var code = int.TryParse(DarajaJson.Text(stk, "ResultCode"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var items = stk.TryGetProperty("CallbackMetadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("Item", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object && DarajaJson.Text(i, "Name") is not null)
                .GroupBy(i => DarajaJson.Text(i, "Name")!).ToDictionary(g => g.Key, g => g.First())
            : [];
        var amount = items.TryGetValue("Amount", out var a) ? DarajaJson.Amount(a, "Value") : null;
        var receipt = items.TryGetValue("MpesaReceiptNumber", out var r) ? DarajaJson.Text(r, "Value") : null;
        problem = string.IsNullOrEmpty(id) || id.Length > 128 ? "CheckoutRequestID is missing"
            : code is null ? "ResultCode is missing or not a number"
            : code == 0 && (amount is null || string.IsNullOrEmpty(receipt)) ? "a successful result needs CallbackMetadata items Amount and MpesaReceiptNumber"
            : null;
        return problem is null
            ? new StkResult(id!, code!.Value, DarajaJson.Text(stk, "ResultDesc"), amount, receipt,
                items.TryGetValue("TransactionDate", out var d) ? DarajaJson.Text(d, "Value") : null, items.TryGetValue("PhoneNumber", out var p) ? DarajaJson.Text(p, "Value") : null)
            : null;
    }
}

/// <summary>Daraja writes numbers as strings or as numbers, depending on the message: read both.</summary>
internal static class DarajaJson
{
    public static string? Text(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    } : null;

    /// <summary>A positive amount with at most two decimals, or null.</summary>
    public static decimal? Amount(JsonElement obj, string name) =>
        decimal.TryParse(Text(obj, name), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount)
        && amount > 0 && amount == Math.Round(amount, 2) ? amount : null;
}
