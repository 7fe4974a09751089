namespace SmsVending.MeterEmulator.Meters;

/// <summary>A keypad entry's outcome with the meter's state after it.</summary>
/// <param name="State">The state to keep (its <see cref="StsMeterState.LastResult"/> is <paramref name="Result"/>).</param>
/// <param name="Result">What the display shows.</param>
/// <param name="Detail">What happened, in words.</param>
public sealed record MeterEntry(StsMeterState State, MeterResult Result, string Detail);
