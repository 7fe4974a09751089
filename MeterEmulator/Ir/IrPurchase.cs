using SmsVending.Contracts.Ir;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>One purchase over the IR path, as a data-capable phone runs it: it bridges the meter's IR port (<see cref="IrMeterPort"/>)
/// and the Gateway's POST /ir/frames, passes the purchase to the meter, waits for the host's decision, and hands the confirmation to the
/// meter, which credits itself. Nothing is keyed by hand. Safe to share between concurrent purchases (for the load driver).</summary>
public sealed class IrPurchase(HttpClient gateway, TimeProvider? time = null)
{
    private readonly IrRelayLink link = new(gateway);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Runs the purchase for an enrolled meter; the result holds the meter's new state (credited or not) and what happened.</summary>
    public async Task<IrPurchaseResult> RunAsync(StsMeterState meter, IrPurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var port = new IrMeterPort(meter, clock);
        var run = new Run(order, port, clock.GetUtcNow() + order.Timeout);

        var answer = await link.SendAsync(run.Relay(1, port.Hello()), cancellationToken);
        if (answer.Frame is not { } hostHello)
        {
            return run.Failed(IrPurchaseStatus.FrameRefused, $"frame 1 refused by the host: {answer.Refusal ?? "the KeyAuthority did not answer (503); try again"}");
        }

        if (run.Meter(() => port.HostHello(run.Relay(2, hostHello)), 2) is { } refusedHello)
        {
            return refusedHello;
        }

        byte[] request = [];
        if (run.Meter(() => request = port.Request(order.Phone, order.Amount, order.Pin), 3) is { } refusedRequest)
        {
            return refusedRequest;
        }

        // The host decides once; asking again with the same request only ever fetches that one confirmation.
        for (var attempt = 0; ; attempt++)
        {
            var (confirmation, failure) = await DecisionAsync(run, run.Relay(3, request), cancellationToken);
            if (confirmation is null)
            {
                return failure!;
            }

            try
            {
                var credit = port.Confirm(run.Relay(4, confirmation));
                return run.Done(credit);
            }
            catch (IrProtocolException e) when (attempt < order.ConfirmationRetries)
            {
                run.Note($"frame 4 refused by the meter ({e.Reason}: {e.Message}); asking the host for it again");
            }
            catch (IrProtocolException e)
            {
                return run.Failed(IrPurchaseStatus.FrameRefused, $"frame 4 refused by the meter: {e.Reason}: {e.Message}");
            }
        }
    }

    /// <summary>Sends the request until the host answers with its confirmation (or refuses, or time runs out); "pending" and "host
    /// unavailable" both mean the same frame again later, which the host answers idempotently.</summary>
    private async Task<(byte[]? Confirmation, IrPurchaseResult? Failure)> DecisionAsync(Run run, byte[] request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await link.SendAsync(request, cancellationToken);
            if (answer.Frame is { } frame)
            {
                return (frame, null);
            }

            if (answer.Refusal is { } refusal)
            {
                return (null, run.Failed(IrPurchaseStatus.FrameRefused, $"frame 3 refused by the host: {refusal}"));
            }

            if (clock.GetUtcNow() + answer.RetryAfter!.Value > run.Deadline)
            {
                return (null, run.Failed(IrPurchaseStatus.TimedOut, $"no decision within {run.Order.Timeout.TotalSeconds:0} s; the purchase may still complete (its token also comes by SMS)"));
            }

            await Task.Delay(answer.RetryAfter.Value, clock, cancellationToken);
        }
    }

    /// <summary>One purchase's progress: the fault injection, the notes, and the results it ends with.</summary>
    private sealed class Run(IrPurchaseOrder order, IrMeterPort port, DateTimeOffset deadline)
    {
        private readonly List<string> notes = [];
        private bool tampered;

        public IrPurchaseOrder Order => order;

        public DateTimeOffset Deadline => deadline;

        public void Note(string note) => notes.Add(note);

        /// <summary>The frame as the relay passes it on: with one bit flipped the first time frame <see cref="IrPurchaseOrder.TamperFrame"/> passes.</summary>
        public byte[] Relay(int number, byte[] frame)
        {
            if (tampered || order.TamperFrame != number)
            {
                return frame;
            }

            tampered = true;
            var copy = (byte[])frame.Clone();
            var bit = order.TamperBit ?? copy.Length * 4; // default: the middle of the frame
            copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
            notes.Add($"frame {number}: bit {bit} flipped on the relay");
            return copy;
        }

        /// <summary>Runs a step on the meter; a refusal ends the purchase.</summary>
        public IrPurchaseResult? Meter(Action step, int frame)
        {
            try
            {
                step();
                return null;
            }
            catch (IrProtocolException e)
            {
                return Failed(IrPurchaseStatus.FrameRefused, $"frame {frame} refused by the meter: {e.Reason}: {e.Message}");
            }
        }

        public IrPurchaseResult Failed(IrPurchaseStatus status, string why)
        {
            notes.Add(why);
            return new IrPurchaseResult(status, port.State, null, [], notes);
        }

        public IrPurchaseResult Done(IrCredit credit) => new(credit.Confirmation.Outcome == IrOutcome.Issued ? IrPurchaseStatus.Credited : IrPurchaseStatus.PurchaseRefused,
            port.State, credit.Confirmation, credit.Entries, notes);
    }
}

/// <summary>What the phone asks the meter to buy: the buyer's phone (Vending checks it may buy for the meter, and its PIN), the amount,
/// and for fault injection a frame (1 to 4) to flip one bit of on the relay.</summary>
public sealed record IrPurchaseOrder(string Phone, decimal Amount, string? Pin = null)
{
    /// <summary>Frame 1 to 4 to alter on its first pass through the relay; null for none.</summary>
    public int? TamperFrame { get; init; }

    /// <summary>Which bit to flip (default: one in the middle of the frame).</summary>
    public int? TamperBit { get; init; }

    /// <summary>How long to wait for the host's decision.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to ask the host again for a confirmation the meter refused.</summary>
    public int ConfirmationRetries { get; init; } = 2;
}

/// <summary>How an IR purchase ended.</summary>
public enum IrPurchaseStatus
{
    /// <summary>The host issued and the meter credited itself.</summary>
    Credited,

    /// <summary>The host refused the purchase (e.g. insufficient balance) in a confirmation the meter verified; nothing was charged.</summary>
    PurchaseRefused,

    /// <summary>The meter or the host refused a frame: nothing was charged (or, for frame 4, the meter is not credited by it).</summary>
    FrameRefused,

    /// <summary>The host did not decide in time.</summary>
    TimedOut,
}

/// <summary>The end of an IR purchase: the meter's state afterwards, the confirmation it took (if any), each token's result, and notes
/// on what happened on the way (refusals, resends, fault injection).</summary>
public sealed record IrPurchaseResult(IrPurchaseStatus Status, StsMeterState State, IrConfirmation? Confirmation, IReadOnlyList<IrTokenEntry> Entries,
    IReadOnlyList<string> Notes);
