using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Every message the REST API accepted, by SID, and the queue the delivery workers take them from.</summary>
internal sealed class OutboundMessages
{
    private readonly ConcurrentDictionary<string, NetworkMessage> bySid = new();
    private readonly Channel<NetworkMessage> queue = Channel.CreateUnbounded<NetworkMessage>(new() { SingleWriter = false, SingleReader = false });

    public ChannelReader<NetworkMessage> Queue => queue.Reader;

    public void Accept(NetworkMessage message)
    {
        bySid[message.Sid] = message;
        queue.Writer.TryWrite(message);
    }

    public int Count => bySid.Count;

    public NetworkMessage? Find(string sid) => bySid.GetValueOrDefault(sid);

    public NetworkMessage Update(NetworkMessage message) => bySid[message.Sid] = message;
}
