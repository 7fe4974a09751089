namespace SmsVending.MeterEmulator.Sim;

/// <summary>The status byte of an EF_SMS record (3GPP TS 31.102 §4.2.25, TS 51.011 §10.5.3), bits 3–1.</summary>
public enum SimRecordStatus : byte
{
    /// <summary>Bit 1 clear: the record is free (the rest is 0xFF).</summary>
    Free = 0x00,

    /// <summary>A received message the user (or the meter) has read.</summary>
    ReceivedRead = 0x01,

    /// <summary>A received message not yet read.</summary>
    ReceivedUnread = 0x03,

    /// <summary>A message the phone sent.</summary>
    Sent = 0x05,

    /// <summary>A message waiting to be sent.</summary>
    ToBeSent = 0x07,
}
