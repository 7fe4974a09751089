namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>A token entry's outcome with the device's state after it (unchanged unless the entry changed it).</summary>
/// <param name="State">The state to keep.</param>
/// <param name="Result">What happened.</param>
public sealed record OpenPaygoEntry(OpenPaygoDeviceState State, OpenPaygoEntryResult Result);
