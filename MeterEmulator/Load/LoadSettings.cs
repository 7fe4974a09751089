using SmsVending.MeterEmulator.GatewayApi;

namespace SmsVending.MeterEmulator.Load;

/// <summary>What a load run does: the customers it provisions, the purchases it sends and how fast, the faults it mixes in.</summary>
/// <param name="Gateway">The Gateway's base URL.</param>
/// <param name="Credentials">The Gateway's credentials file.</param>
/// <param name="Customers">How many customers (each a new phone with a new meter) to provision.</param>
/// <param name="Purchases">How many purchase SMS to send, spread evenly over the customers.</param>
public sealed record LoadSettings(Uri Gateway, GatewayCredentials Credentials, int Customers, int Purchases)
{
    /// <summary>Where the run's phone network listens (the Gateway's <c>Gateway:Twilio:ApiBaseUrl</c>).</summary>
    public string PhonesUrl { get; init; } = OutsideWorld.DefaultPhonesUrl;

    /// <summary>Where the run's M-Pesa provider listens (the Gateway's <c>Gateway:Mpesa:ApiBaseUrl</c>).</summary>
    public string MoneyUrl { get; init; } = OutsideWorld.DefaultMoneyUrl;

    /// <summary>Purchases started per second; null starts the next one as soon as a phone is free.</summary>
    public double? Rate { get; init; }

    /// <summary>How many phones text at once. Each phone waits for its answer before it texts again, as a person does, so at
    /// most this many purchases are in flight (and never more than there are customers).</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>The share (0 to 1) of purchase SMS whose webhook call is repeated with the same MessageSid, as Twilio retries.</summary>
    public double DuplicateRate { get; init; }

    /// <summary>The share (0 to 1) of purchases preceded by a garbage SMS from the same phone, which must get a help answer.</summary>
    public double GarbageRate { get; init; }

    /// <summary>The share (0 to 1) of purchases made over the infrared session instead of by SMS: the meter credits itself from
    /// the host's confirmation, and the token SMS that follows as a receipt must carry the same tokens.</summary>
    public double IrShare { get; init; }

    /// <summary>What each purchase buys, in the wallet's currency.</summary>
    public decimal Amount { get; init; } = 200m;

    /// <summary>How long a phone waits for its answer before the purchase counts as an error.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many admin and M-Pesa calls provisioning makes at once.</summary>
    public int ProvisioningConcurrency { get; init; } = 16;

    /// <summary>How many of the purchases come before the measured window: they are sent, answered, keyed in and checked like the
    /// rest, but throughput and latency count only the purchases after them. A freshly started Gateway (and this driver) compiles its
    /// hot paths during the first tens of seconds under load, so a run's figures describe the running system only after that.</summary>
    public int Warmup { get; init; }

    /// <summary>Seeds the choice of duplicates and garbage, so that a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>The run prefix its phone and meter numbers are made from first (0 to 999, <see cref="LoadNumbers"/>); null draws
    /// one at random. Numbers the Gateway has registered already are drawn again either way.</summary>
    public int? RunPrefix { get; init; }

    /// <summary>How many phones text at once.</summary>
    internal int Phones => Math.Min(Concurrency, Customers);
}
