namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The STK callback body as Daraja posts it: <c>Body.stkCallback</c>, with <c>CallbackMetadata.Item</c> on success only.</summary>
internal static class StkCallbackJson
{
    public static object Of(StkPushRecord push, int resultCode, string? receipt, DateTimeOffset at)
    {
        var callback = new Dictionary<string, object>
        {
            ["MerchantRequestID"] = push.MerchantRequestId, ["CheckoutRequestID"] = push.CheckoutRequestId, ["ResultCode"] = resultCode,
            ["ResultDesc"] = resultCode switch
            {
                0 => "The service request is processed successfully.",
                1032 => "Request cancelled by user",
                _ => "The balance is insufficient for the transaction.",
            },
        };
        if (resultCode == 0)
        {
            // Daraja writes the date and phone as JSON numbers, the amount as a number too.
            callback["CallbackMetadata"] = new
            {
                Item = new object[]
                {
                    new { Name = "Amount", Value = push.Amount }, new { Name = "MpesaReceiptNumber", Value = receipt },
                    new { Name = "TransactionDate", Value = long.Parse(DarajaIds.Timestamp(at), System.Globalization.CultureInfo.InvariantCulture) },
                    new { Name = "PhoneNumber", Value = long.Parse(push.Phone, System.Globalization.CultureInfo.InvariantCulture) },
                },
            };
        }

        return new { Body = new { stkCallback = callback } };
    }
}
