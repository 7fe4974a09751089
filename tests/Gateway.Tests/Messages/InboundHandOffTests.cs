using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Messages;

/// <summary>A message stored while the bus is down is handed on within seconds of the bus coming back, not at the next
/// periodic re-drive (five minutes by default, and longer here).</summary>
public sealed class InboundHandOffTests : GatewayTest
{
    [Theory]
    [InlineData("BAL", "Your balance is KES0.00")]
    [InlineData("BUY 200", "Not enough balance")] // published from the webhook itself, retried through the bus
    public async Task HandOff_WhileTheBrokerRefusesPublishes_IsRetriedOnceItIsBack(string body, string answer)
    {
        await using var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?>
        {
            ["Gateway:HandOffRetryDelay"] = "00:00:00.200",
            ["Gateway:RedriveInterval"] = "01:00:00",
        });
        var phone = DemoData.Customers[1].Phone;
        await gateway.DemoCustomerAsync(1);
        await gateway.RedrivenAsync();
        var bus = gateway.Services.GetRequiredService<IBus>();
        var handOff = gateway.Services.GetRequiredService<InboundHandOff>();

        var outage = new BrokerOutage();
        using var connected = bus.ConnectPublishObserver(outage);
        var sid = gateway.NewMessageSid();
        (await gateway.PostSmsAsync(phone, body, sid)).EnsureSuccessStatusCode();
        // The webhook was answered and the message is stored, open, and waiting for its hand-off.
        Assert.Equal(1, handOff.Waiting);
        Assert.Equal(1, await gateway.UnansweredAsync());

        outage.End();

        Assert.StartsWith(answer, (await gateway.ReplyToAsync(phone, sid)).Body);
        await EmbeddedGateway.EventuallyAsync(async () => await gateway.UnansweredAsync() == 0 && handOff.Waiting == 0, "the message answered");
    }

    [Fact]
    public async Task PublishAsync_ADirectHandOffStillRunningAtItsLimit_IsCancelledAndKeptForTheRetry()
    {
        var clock = new FakeTimeProvider();
        await using var provider = new ServiceCollection().AddTestHarness().BuildServiceProvider(true);
        var handOff = new InboundHandOff(provider.GetRequiredService<IBus>(), new GatewayOptions(), clock, NullLogger<InboundHandOff>.Instance);
        var (started, seen) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), CancellationToken.None);

        // A step of the hand-off (a count, a publish) that hangs, as one does while the broker restarts.
        var publishing = handOff.PublishAsync(new InboundMessage { Id = 7, Channel = Channels.Sms }, async token =>
        {
            seen = token;
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        await started.Task;
        Assert.False(publishing.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));

        // Returns normally (the message is stored and waits for the retry), well before the limit would pass in real time.
        await publishing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(seen.IsCancellationRequested); // so the retry cannot race a late step of this attempt
        Assert.Equal(1, handOff.Waiting);
    }

    [Fact]
    public void NextDelay_WhileTheBusStaysDown_DoublesUpToThirtySeconds_AndStartsAgainOnceThrough()
    {
        var first = TimeSpan.FromSeconds(2);
        var waits = new List<TimeSpan>();
        var delay = first;
        for (var round = 0; round < 6; round++)
        {
            delay = InboundHandOff.NextDelay(delay, through: false, first);
            waits.Add(delay);
        }

        Assert.Equal([4, 8, 16, 30, 30, 30], waits.Select(w => w.TotalSeconds));
        Assert.Equal(first, InboundHandOff.NextDelay(delay, through: true, first));
    }
}

/// <summary>Fails every publish, as a broker that is restarting does, until ended.</summary>
internal sealed class BrokerOutage : IPublishObserver
{
    private volatile bool over;

    public void End() => over = true;

    public Task PrePublish<T>(PublishContext<T> context) where T : class =>
        over ? Task.CompletedTask : Task.FromException(new InvalidOperationException("The broker is restarting (test outage)"));

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
