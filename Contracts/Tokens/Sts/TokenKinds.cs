namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Class 0 subclasses: what a credit token transfers.</summary>
public enum CreditKind
{
    /// <summary>Electricity in 0.1 kWh.</summary>
    Electricity = 0,

    /// <summary>Water in 0.1 m³.</summary>
    Water = 1,

    /// <summary>Gas in 0.1 m³.</summary>
    Gas = 2,

    /// <summary>Time in 0.1 units.</summary>
    Time = 3,

    /// <summary>Electricity currency.</summary>
    ElectricityCurrency = 4,

    /// <summary>Water currency.</summary>
    WaterCurrency = 5,

    /// <summary>Gas currency.</summary>
    GasCurrency = 6,

    /// <summary>Time currency.</summary>
    TimeCurrency = 7,
}

/// <summary>Class 2 subclasses that set or clear a meter register.</summary>
public enum ManagementFunction
{
    /// <summary>Set the maximum power limit (watts, amount-encoded).</summary>
    SetMaximumPowerLimit = 0,

    /// <summary>Clear credit (16-bit register selector, 0xFFFF = all).</summary>
    ClearCredit = 1,

    /// <summary>Set the tariff rate (raw 16-bit value).</summary>
    SetTariffRate = 2,

    /// <summary>Clear the tamper condition.</summary>
    ClearTamper = 5,

    /// <summary>Set the maximum phase power unbalance limit (watts, amount-encoded).</summary>
    SetPhaseUnbalanceLimit = 6,

    /// <summary>Set the water meter factor (raw 16-bit value).</summary>
    SetWaterMeterFactor = 7,
}

/// <summary>The token classes.</summary>
public static class TokenClass
{
    /// <summary>Credit transfer, encrypted.</summary>
    public const int Credit = 0;

    /// <summary>Meter test and display, not encrypted.</summary>
    public const int Test = 1;

    /// <summary>Meter management and key change, encrypted.</summary>
    public const int Management = 2;

    /// <summary>Whether a management function's field is watts in the amount encoding rather than a raw value.</summary>
    public static bool UsesAmountEncoding(ManagementFunction function) =>
        function is ManagementFunction.SetMaximumPowerLimit or ManagementFunction.SetPhaseUnbalanceLimit;
}
