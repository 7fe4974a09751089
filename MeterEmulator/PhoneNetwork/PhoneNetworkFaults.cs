namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Fault injection for tests and load runs; every switch may change while the network runs.</summary>
public sealed class PhoneNetworkFaults
{
    private double undeliveredShare;
    private volatile bool outage;

    /// <summary>The share (0 to 1) of messages that end `undelivered` with error 30003 instead of reaching the phone.</summary>
    public double UndeliveredShare
    {
        get => Volatile.Read(ref undeliveredShare);
        set => Volatile.Write(ref undeliveredShare, value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a share is between 0 and 1"));
    }

    /// <summary>When on, the REST API answers 503 to every request, as during a Twilio outage.</summary>
    public bool Outage
    {
        get => outage;
        set => outage = value;
    }

    /// <summary>Whether the next message is lost on the way to the phone.</summary>
    internal bool LoseNext() => Random.Shared.NextDouble() < UndeliveredShare;
}
