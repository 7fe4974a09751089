using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Every push accepted, by CheckoutRequestID, and the queue the customers answer them from.</summary>
internal sealed class StkPushes
{
    private readonly ConcurrentDictionary<string, StkPushRecord> byCheckout = new();
    private readonly Channel<StkPushRecord> queue = Channel.CreateUnbounded<StkPushRecord>(new() { SingleWriter = false, SingleReader = false });

    public ChannelReader<StkPushRecord> Queue => queue.Reader;

    public IReadOnlyCollection<StkPushRecord> All => [.. byCheckout.Values.OrderBy(p => p.At)];

    public void Accept(StkPushRecord push)
    {
        byCheckout[push.CheckoutRequestId] = push;
        queue.Writer.TryWrite(push);
    }

    public StkPushRecord Update(StkPushRecord push) => byCheckout[push.CheckoutRequestId] = push;
}
