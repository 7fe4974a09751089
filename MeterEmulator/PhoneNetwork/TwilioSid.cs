using System.Security.Cryptography;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Twilio resource identifiers: a two-letter prefix and 32 lower-case hex digits (34 characters).</summary>
public static class TwilioSid
{
    /// <summary>A fresh message SID, "SM" and 32 random hex digits.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
