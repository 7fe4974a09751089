using System.ComponentModel.DataAnnotations;
using SmsVending.Gateway.Webhooks;

namespace SmsVending.Gateway.Ussd;

/// <summary>USSD settings (section "Gateway:Ussd"): session lifetimes, how long to wait for Vending, and the optional callback
/// secret and source allow-list (Africa's Talking does not sign its callbacks).</summary>
public sealed class UssdOptions : CallbackAuthentication
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Ussd";

    /// <summary>A session untouched this long is over (networks drop idle sessions after about 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A session is over this long after it started, however busy (networks end sessions after about 2 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a screen waits for Vending (balance, meters, the customer at the start) before it says "busy".</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan VendingTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
