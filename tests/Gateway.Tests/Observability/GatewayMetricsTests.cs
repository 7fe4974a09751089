using System.Diagnostics.Metrics;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Observability;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Observability;

/// <summary>The OpenTelemetry instruments move when messages arrive, are answered and are sent.</summary>
public sealed class GatewayMetricsTests : GatewayTest
{
    [Fact]
    public async Task Purchase_RecordsMessagesInAndOutTheOutcomeAndTheAnswerTime()
    {
        var measured = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (measured)
            {
                measured.Add((instrument.Name, value, text));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        await using var gateway = new EmbeddedGateway(Data);
        var phone = DemoData.Customers[0].Phone;
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(phone, 500m);
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(phone, "BUY 300", sid);
        await gateway.ReplyToAsync(phone, sid);
        await EmbeddedGateway.EventuallyAsync(() => Task.FromResult(Snapshot().Any(m => m.Instrument == "smsvending.gateway.messages.out")), "a sent SMS measured");

        var all = Snapshot();
        Assert.Contains(all, m => m.Instrument == "smsvending.gateway.messages.in" && m.Tags == "channel=sms,result=stored");
        Assert.Contains(all, m => m.Instrument == "smsvending.gateway.purchases" && m.Tags == "outcome=issued");
        Assert.Contains(all, m => m.Instrument == "smsvending.gateway.answer.duration" && m.Tags == "channel=sms" && m.Value >= 0);
        Assert.Contains(all, m => m.Instrument == "smsvending.gateway.messages.out" && m.Tags == "result=logged");

        List<(string Instrument, double Value, string Tags)> Snapshot()
        {
            lock (measured)
            {
                return [.. measured];
            }
        }
    }
}
