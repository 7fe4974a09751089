using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.Vending.Meters;

/// <summary>A meter as Vending sells for it: its utility, token profile, tariff and status.</summary>
public sealed class VendingMeter
{
    public string MeterNumber { get; set; } = "";
    public string Utility { get; set; } = "";
    public TokenProfile Profile { get; set; }
    public string TariffId { get; set; } = "";
    public string Status { get; set; } = MeterStatus.Active;
}

/// <summary>Meter states.</summary>
public static class MeterStatus
{
    /// <summary>Tokens may be bought.</summary>
    public const string Active = "active";

    /// <summary>No sales (tamper, disconnection, decommissioned).</summary>
    public const string Blocked = "blocked";
}

/// <summary>What a meter measures.</summary>
public static class MeterUtility
{
    /// <summary>The utilities Vending sells for.</summary>
    public static readonly IReadOnlyList<string> All = ["electricity", "water", "gas"];
}

/// <summary>What a phone may do for a meter.</summary>
public static class BindingRole
{
    /// <summary>The account holder; mobile-money payments to the meter credit the owner's wallet.</summary>
    public const string Owner = "owner";

    /// <summary>Allowed to buy for the meter.</summary>
    public const string Buyer = "buyer";
}
