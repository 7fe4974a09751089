namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>A webhook POST as Twilio makes it: form-encoded, signed over the URL the receiver knows itself by.</summary>
internal static class TwilioWebhook
{
    public static HttpRequestMessage Request(Uri target, string signedUrl, IReadOnlyList<KeyValuePair<string, string>> form, string authToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(authToken, signedUrl, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        return request;
    }
}
