using System.ComponentModel.DataAnnotations;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.Vending;

/// <summary>Vending's settings (configuration section "Vending"), checked at start.</summary>
public sealed class VendingOptions : DatabaseOptions
{
    /// <summary>The embedded default store.</summary>
    public VendingOptions() => ConnectionString = "Data Source=data/vending.db";

    /// <summary>The configuration section.</summary>
    public const string Section = "Vending";

    /// <summary>The currency the utility sells in; every tariff uses it.</summary>
    [Required]
    public string Currency { get; set; } = "KES";

    /// <summary>Region for phone numbers written without a country code (ISO 3166 alpha-2).</summary>
    [Required]
    public string DefaultRegion { get; set; } = "KE";

    /// <summary>Wrong PINs before purchases lock.</summary>
    [Range(1, 100)]
    public int PinMaxFailures { get; set; } = 5;

    /// <summary>How long a PIN lock lasts.</summary>
    public TimeSpan PinLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a purchase waits for a mobile-money charge before it is refused (push prompts expire in about a minute).</summary>
    public TimeSpan ChargeTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long to wait for the KeyAuthority before a purchase is left pending as "service busy".</summary>
    public TimeSpan KeyAuthorityTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
