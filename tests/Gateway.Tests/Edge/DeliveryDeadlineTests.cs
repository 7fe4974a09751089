using MassTransit;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Edge;

/// <summary>On the shared RabbitMQ topology an attempt that never finishes (as a send on a channel whose topology setup failed
/// during a broker restart never does) is given up at the delivery deadline and the consumer's retry handles the message.</summary>
public sealed class DeliveryDeadlineTests
{
    [Fact]
    public async Task DeliveryDeadline_AnAttemptThatNeverFinishes_IsGivenUpAndRetried()
    {
        await using var host = await TestVirtualHost.CreateAsync();
        var stuck = new StuckOnceConsumer.State();
        await using var bus = await StartedBus.OnRabbitMqAsync(host.Url,
            b => b.AddConsumer<StuckOnceConsumer>(c => c.UseMessageRetry(r => r.Immediate(2))).Endpoint(e => e.Name = "stuck-once"), stuck,
            new Dictionary<string, string?> { ["Bus:DeliveryDeadline"] = "00:00:01" });
        using var release = new Release(stuck); // the abandoned first attempt ends before the bus stops

        await bus.Bus.Publish(new StuckWork("purchase-1"));

        Assert.Equal("purchase-1", await stuck.Handled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, stuck.Attempts);
    }
}

/// <summary>Lets the consumer's first attempt go when disposed.</summary>
internal sealed class Release(StuckOnceConsumer.State state) : IDisposable
{
    public void Dispose() => state.Never.TrySetResult();
}

/// <summary>Work for the consumer that hangs once.</summary>
public sealed record StuckWork(string Name);

/// <summary>Its first attempt awaits something that never completes; later attempts handle the message.</summary>
public sealed class StuckOnceConsumer(StuckOnceConsumer.State state) : IConsumer<StuckWork>
{
    public async Task Consume(ConsumeContext<StuckWork> context)
    {
        if (Interlocked.Increment(ref state.Attempts) == 1)
        {
            await state.Never.Task; // not cancellable, like MassTransit's one-time topology setup
        }

        state.Handled.TrySetResult(context.Message.Name);
    }

    /// <summary>Attempts made, what was handled, and the wait the first attempt never gets out of.</summary>
    public sealed class State
    {
        public int Attempts;

        public TaskCompletionSource Never { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
