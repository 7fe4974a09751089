namespace SmsVending.MeterEmulator.Sim;

/// <summary>One EF_SMS record read back: its 1-based number, status, and the message or why it could not be read.</summary>
/// <param name="Number">The record number, as READ RECORD counts (from 1).</param>
/// <param name="Status">The status byte's meaning.</param>
/// <param name="Message">The SMS-DELIVER read from a received record; null for free, outgoing and corrupt records.</param>
/// <param name="Corrupt">Why the record could not be read; null when it could.</param>
/// <param name="ServiceCentre">The service centre address stored before the TPDU ("" when none).</param>
public sealed record SimRecord(int Number, SimRecordStatus Status, SmsDeliver? Message, string? Corrupt, string? ServiceCentre = null);
