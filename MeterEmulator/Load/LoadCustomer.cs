using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Load;

/// <summary>One provisioned customer: a phone, the emulated STS meter it buys for, and the SMS matched to what it sent.
/// Only one phone worker uses a customer at a time, so none of this needs a lock.</summary>
/// <param name="index">Its place in the run, which its numbers end with (<see cref="LoadNumbers"/>).</param>
internal sealed class LoadCustomer(int index, int prefix)
{
    public int Index { get; } = index;

    /// <summary>Its phone; provisioning draws another when the Gateway has this one registered already.</summary>
    public string Phone { get; set; } = LoadNumbers.Phone(prefix, index);

    /// <summary>Its meter's number; provisioning draws another when the Gateway has this one registered already.</summary>
    public string MeterNumber { get; set; } = LoadNumbers.Meter(prefix, index);

    /// <summary>The emulated meter, built from the manufacturing export.</summary>
    public StsMeterState Meter { get; set; } = null!;

    /// <summary>Purchases this customer still has to make (its share of the run, which its wallet is funded for).</summary>
    public int Remaining { get; set; }

    /// <summary>The SIDs of the SMS taken as answers, so that anything else the phone received is an extra message.</summary>
    public HashSet<string> Answered { get; } = [];
}
