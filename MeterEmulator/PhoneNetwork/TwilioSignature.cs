using System.Security.Cryptography;
using System.Text;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>The X-Twilio-Signature of a webhook: base64 HMAC-SHA1, keyed by the auth token, of the URL followed by every
/// POST parameter sorted by name (ordinal), written name then value with no separators.</summary>
public static class TwilioSignature
{
    /// <summary>The header name Twilio sends the signature in.</summary>
    public const string Header = "X-Twilio-Signature";

    /// <summary>The signature Twilio would send for a POST of these form parameters to this URL.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
