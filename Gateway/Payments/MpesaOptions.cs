using System.ComponentModel.DataAnnotations;
using SmsVending.Gateway.Webhooks;

namespace SmsVending.Gateway.Payments;

/// <summary>M-Pesa Daraja settings (section "Gateway:Mpesa"): the paybill, the API credentials for STK pushes, and how callbacks
/// authenticate (the callback secret is required; Daraja calls the URL we register, so the secret travels in its query).</summary>
public sealed class MpesaOptions : CallbackAuthentication
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Mpesa";

    /// <summary>The paybill (BusinessShortCode) pushes are made for.</summary>
    public string? ShortCode { get; set; }

    /// <summary>The Lipa na M-Pesa Online passkey: the push password is base64(ShortCode + PassKey + Timestamp).</summary>
    public string? PassKey { get; set; }

    /// <summary>The Daraja app's consumer key (OAuth client credentials).</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>The Daraja app's consumer secret.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>Daraja's base URL (https://api.safaricom.co.ke, the sandbox, or an emulator). Unset: no STK pushes are made and
    /// phone-charged purchases are left to Vending's charge timeout.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>How long C2B validation waits for Vending before accepting anyway (Daraja wants an answer within about 8 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:07")]
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One call to Daraja (token or push) before it counts as timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
