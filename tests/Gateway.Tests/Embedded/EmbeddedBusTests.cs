using System.Collections.Concurrent;
using MassTransit;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Tests.Embedded;

/// <summary>The embedded bus sends bare JSON: what the services rely on from MassTransit's envelope must still hold.</summary>
public sealed class EmbeddedBusTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private readonly Observed observed = new();
    private StartedBus? started;

    private IBusControl Bus => started!.Bus;

    public async Task InitializeAsync() => started = await StartedBus.EmbeddedAsync(bus =>
    {
        bus.AddConsumer<FruitConsumer>();
        bus.AddConsumer<FlakyConsumer, FlakyConsumerDefinition>();
        bus.AddConsumer<EchoConsumer>();
        bus.AddConsumer<BrokenConsumer>();
    }, observed);

    public async Task DisposeAsync() => await started!.DisposeAsync();

    [Fact]
    public async Task Publish_ReachesOnlyTheConsumerOfItsOwnType()
    {
        // One endpoint takes both types; without the type in the headers, bare JSON would be handed to both consumers.
        var received = new ReceivedObserver();
        using var handle = Bus.ConnectReceiveObserver(received);

        await Bus.Publish(new Apple("granny smith", 3));
        await received.Done.Task.WaitAsync(Bounded);

        Assert.Equal([new Apple("granny smith", 3)], observed.Apples);
        Assert.Empty(observed.Pears);
    }

    [Fact]
    public async Task Request_GetsItsResponse()
    {
        var client = Bus.CreateRequestClient<Echo>();

        var response = await client.GetResponse<Echoed>(new Echo("hello"), timeout: RequestTimeout.After(s: 30));

        Assert.Equal("HELLO", response.Message.Text);
    }

    [Fact]
    public async Task Request_ToAConsumerThatFails_GetsTheFaultNotATimeout()
    {
        // Vending tells a failing KeyAuthority (RequestFaultException) from a silent one by this.
        var client = Bus.CreateRequestClient<Broken>();

        var fault = await Assert.ThrowsAsync<RequestFaultException>(() => client.GetResponse<Echoed>(new Broken("x"), timeout: RequestTimeout.After(s: 30)));

        Assert.Contains("broken on purpose", fault.Fault!.Exceptions.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayedRedelivery_CountsTheRedeliveriesAndKeepsTheMessage()
    {
        // Vending tells "busy" only on a purchase's first delivery, by the redelivery count the scheduler's copy carries.
        await Bus.Publish(new Flaky("purchase 42"));

        var attempts = await observed.FlakyDone.Task.WaitAsync(Bounded);

        Assert.Equal([(0, "purchase 42"), (1, "purchase 42"), (2, "purchase 42")], attempts);
    }

    public sealed record Apple(string Kind, int Count);

    public sealed record Pear(string Kind);

    public sealed record Flaky(string Text);

    public sealed record Echo(string Text);

    public sealed record Echoed(string Text);

    public sealed record Broken(string Text);

    /// <summary>What the test consumers saw.</summary>
    public sealed class Observed
    {
        public ConcurrentQueue<Apple> Apples { get; } = new();

        public ConcurrentQueue<Pear> Pears { get; } = new();

        public ConcurrentQueue<(int Redelivery, string Text)> FlakyAttempts { get; } = new();

        public TaskCompletionSource<IReadOnlyList<(int, string)>> FlakyDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class FruitConsumer(Observed observed) : IConsumer<Apple>, IConsumer<Pear>
    {
        public Task Consume(ConsumeContext<Apple> context)
        {
            observed.Apples.Enqueue(context.Message);
            return Task.CompletedTask;
        }

        public Task Consume(ConsumeContext<Pear> context)
        {
            observed.Pears.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }

    private sealed class FlakyConsumer(Observed observed) : IConsumer<Flaky>
    {
        public Task Consume(ConsumeContext<Flaky> context)
        {
            observed.FlakyAttempts.Enqueue((context.GetRedeliveryCount(), context.Message.Text));
            if (observed.FlakyAttempts.Count < 3)
            {
                throw new NotYetException();
            }

            observed.FlakyDone.TrySetResult([.. observed.FlakyAttempts]);
            return Task.CompletedTask;
        }
    }

    private sealed class FlakyConsumerDefinition : ConsumerDefinition<FlakyConsumer>
    {
        protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<FlakyConsumer> consumerConfigurator,
            IRegistrationContext context) =>
            endpointConfigurator.UseLongRedelivery<NotYetException>(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
    }

    private sealed class EchoConsumer : IConsumer<Echo>
    {
        public Task Consume(ConsumeContext<Echo> context) => context.RespondAsync(new Echoed(context.Message.Text.ToUpperInvariant()));
    }

    private sealed class BrokenConsumer : IConsumer<Broken>
    {
        public Task Consume(ConsumeContext<Broken> context) => throw new InvalidOperationException("broken on purpose");
    }

    private sealed class NotYetException : Exception;

    /// <summary>Completes once a received message has been through all of its endpoint's consumers.</summary>
    private sealed class ReceivedObserver : IReceiveObserver
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

        public Task PostReceive(ReceiveContext context)
        {
            Done.TrySetResult();
            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
            where T : class => Task.CompletedTask;

        public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
    }
}
