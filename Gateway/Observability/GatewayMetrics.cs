using System.Diagnostics.Metrics;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Observability;

/// <summary>The Gateway's OpenTelemetry instruments: messages in and out, purchases by outcome, and how long answers take.</summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter's name, for exporters and listeners.</summary>
    public const string MeterName = "SmsVending.Gateway";

    private readonly Counter<long> messagesIn;
    private readonly Counter<long> messagesOut;
    private readonly Counter<long> purchases;
    private readonly Histogram<double> answerTime;
    private readonly Histogram<double> sendTime;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        messagesIn = meter.CreateCounter<long>("smsvending.gateway.messages.in", "{message}", "Inbound messages and callbacks by channel and result");
        messagesOut = meter.CreateCounter<long>("smsvending.gateway.messages.out", "{message}", "Outbound SMS by result");
        purchases = meter.CreateCounter<long>("smsvending.gateway.purchases", "{purchase}", "Purchase outcomes by outcome");
        answerTime = meter.CreateHistogram<double>("smsvending.gateway.answer.duration", "ms", "From an inbound message to its final answer");
        sendTime = meter.CreateHistogram<double>("smsvending.gateway.send.duration", "ms", "One call to the SMS provider");
    }

    /// <summary>An inbound message: stored, duplicate, or refused (bad signature, malformed, rate-limited).</summary>
    public void Received(string channel, string result) =>
        messagesIn.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("result", result));

    /// <summary>An outbound SMS handed over (queued, logged), retried or failed, and how long the provider took.</summary>
    public void Sent(string result, TimeSpan took)
    {
        messagesOut.Add(1, new KeyValuePair<string, object?>("result", result));
        sendTime.Record(took.TotalMilliseconds);
    }

    /// <summary>A purchase's final outcome ("issued" or the rejection reason) and, when it answers an inbound message, the time
    /// from that message's arrival to now.</summary>
    public void Purchase(string outcome, InboundMessage? answered, DateTimeOffset now)
    {
        purchases.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (answered is not null)
        {
            answerTime.Record((now - DateTimeOffset.FromUnixTimeMilliseconds(answered.ReceivedAt)).TotalMilliseconds,
                new KeyValuePair<string, object?>("channel", answered.Channel));
        }
    }
}
