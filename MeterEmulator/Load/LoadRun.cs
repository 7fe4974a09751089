using System.Collections.Concurrent;
using System.Globalization;
using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Ir;
using SmsVending.MeterEmulator.Meters;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Load;

/// <summary>A load run against a running Gateway: provisions the customers, then phone workers text purchases (each phone
/// waits for its answer before the next, as a person does), key every token into the right emulated meter and count what
/// happened; at the end, SMS nobody waited for are checked for duplicate tokens and double vends.</summary>
public sealed partial class LoadRun
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1), SettleLimit = TimeSpan.FromSeconds(15);

    private readonly LoadSettings settings;
    private readonly PhoneNetworkHost network;
    private readonly IrPurchase infrared;
    private readonly TimeProvider time;
    private readonly ILoadObserver observer;
    private readonly LoadTally tally = new();
    private readonly HashSet<string> tokensSeen = [];
    private int next = -1;
    private long measuredFrom;

    private LoadRun(LoadSettings settings, PhoneNetworkHost network, IrPurchase infrared, TimeProvider time, ILoadObserver observer) =>
        (this.settings, this.network, this.infrared, this.time, this.observer) = (settings, network, infrared, time, observer);

    /// <summary>Runs the whole load against a running Gateway and reports what happened.</summary>
    public static Task<LoadReport> RunAsync(LoadSettings settings, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        RunAsync(settings, time ?? TimeProvider.System, null, cancellationToken);

    /// <summary>Runs the whole load; <paramref name="observer"/> sees the stages (null: nothing is shown).</summary>
    internal static async Task<LoadReport> RunAsync(LoadSettings settings, TimeProvider time, ILoadObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Warmup < 0 || settings.Warmup >= settings.Purchases)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Warmup, "the warm-up must leave purchases to measure");
        }

        if (settings.RunPrefix is < 0 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.RunPrefix, "the run prefix is three digits, 0 to 999");
        }

        observer ??= SilentObserver.Instance;
        await using var world = await OutsideWorld.StartAsync(settings.Gateway, settings.Credentials, settings.PhonesUrl, settings.MoneyUrl, time,
            deliveryWorkers: Math.Max(64, settings.Phones * 2), cancellationToken);
        using var http = new HttpClient { BaseAddress = settings.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var customers = await new LoadFleet(settings, http, new GatewayClient(http, settings.Credentials), world.Money, observer, time).ProvisionAsync(cancellationToken);

        var run = new LoadRun(settings, world.Network, new IrPurchase(http, time), time, observer);
        observer.Begin("purchases", settings.Purchases);
        var started = run.measuredFrom = time.GetTimestamp();
        var idle = new ConcurrentQueue<LoadCustomer>(customers.Where(c => c.Remaining > 0));
        await Task.WhenAll(Enumerable.Range(0, settings.Phones).Select(worker => run.PhoneAsync(worker, idle, started, cancellationToken)));
        var elapsed = time.GetElapsedTime(Interlocked.Read(ref run.measuredFrom));
        await run.SettleAsync(customers, cancellationToken);
        return run.tally.Report(customers.Count, elapsed, settings.Warmup);
    }

    /// <summary>A phone worker's choices (duplicates, garbage, infrared), the same for a seed and worker in every process; not
    /// <see cref="HashCode.Combine{T1, T2}"/>, which is salted per process.</summary>
    internal static Random WorkerRandom(int seed, int worker) => new(unchecked(seed * 1_000_003 + worker));

    /// <summary>One phone worker: buys as the customer who has waited longest, after waiting for the purchase's start time when
    /// a rate is set. The queue keeps each customer with one worker at a time; each customer makes exactly its share of the
    /// purchases (what its wallet was funded for) and leaves the queue when done. A worker stops when the queue is empty:
    /// the customers still in flight are finished by the workers that hold them.</summary>
    private async Task PhoneAsync(int worker, ConcurrentQueue<LoadCustomer> idle, long started, CancellationToken cancellationToken)
    {
        var random = WorkerRandom(settings.Seed, worker);
        while (idle.TryDequeue(out var customer))
        {
            var purchase = Interlocked.Increment(ref next);
            var afterWarmup = purchase >= settings.Warmup;
            if (purchase == settings.Warmup && purchase > 0)
            {
                Interlocked.Exchange(ref measuredFrom, time.GetTimestamp()); // the measured window opens with the first purchase after the warm-up
            }

            if (settings.Rate is { } rate && TimeSpan.FromSeconds(purchase / rate) - time.GetElapsedTime(started) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (random.NextDouble() < settings.GarbageRate)
            {
                await GarbageAsync(customer, Garbage(random), cancellationToken);
            }

            if (random.NextDouble() < settings.IrShare)
            {
                await InfraredPurchaseAsync(customer, afterWarmup, cancellationToken);
            }
            else
            {
                await PurchaseAsync(customer, random.NextDouble() < settings.DuplicateRate, afterWarmup, cancellationToken);
            }

            if (--customer.Remaining > 0)
            {
                idle.Enqueue(customer);
            }

            observer.Advance("purchases");
        }
    }

    private async Task PurchaseAsync(LoadCustomer customer, bool duplicate, bool afterWarmup, CancellationToken cancellationToken)
    {
        tally.PurchaseSent();
        var text = string.Create(CultureInfo.InvariantCulture, $"BUY {customer.MeterNumber} {settings.Amount}");
        if (await TextAsync(customer, text, duplicate, cancellationToken) is not { } answer)
        {
            return;
        }

        var message = answer.Message;
        if (TokenText.Find(message.Body).Count == 0 && TokenText.Promised(message.Body))
        {
            tally.PendingNotice(); // "paid, your token will follow": the answer is the SMS after it
            if (await FollowUpAsync(customer, answer.SentAt, cancellationToken) is not { } followUp)
            {
                return;
            }

            message = followUp;
        }

        tally.Replied((message.AcceptedAt ?? message.ReceivedAt) - answer.SentAt, afterWarmup);
        var tokens = TokenText.Find(message.Body);
        if (tokens.Count == 0)
        {
            tally.Rejected(message.Body);
            return;
        }

        if (KeyIn(customer, tokens) == TokenSet.Accepted)
        {
            tally.TokenSetAccepted(afterWarmup);
        }
    }

    private async Task GarbageAsync(LoadCustomer customer, string text, CancellationToken cancellationToken)
    {
        tally.GarbageSent();
        if (await TextAsync(customer, text, duplicate: false, cancellationToken) is not null)
        {
            tally.GarbageAnswered();
        }
    }
}
