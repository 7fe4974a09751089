namespace SmsVending.MeterEmulator.Sim;

/// <summary>A received text message: who sent it, what it says, and the service centre's time stamp.</summary>
/// <param name="Sender">A phone number ("+254712345678") or an alphanumeric sender id ("SMSVEND").</param>
/// <param name="Text">The text, in the GSM 7-bit default alphabet and its extension table.</param>
/// <param name="Timestamp">TP-SCTS: when the service centre took the message, with its time zone.</param>
public sealed record SmsDeliver(string Sender, string Text, DateTimeOffset Timestamp)
{
    /// <summary>The most septets one message's user data holds.</summary>
    public const int MaxSeptets = 160;
}
