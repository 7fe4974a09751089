using System.Net;
using System.Net.Http.Json;
using MassTransit;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.Gateway.Tests.Edge;

/// <summary>The staff API over the distributed system's dead-letter queue: a message a consumer (on the shared RabbitMQ topology)
/// fails ends there with where and why, is listed without being removed, and a re-drive puts it back on its queue.</summary>
public sealed class DeadLetterTests : GatewayTest
{
    [Fact]
    public async Task DeadLetters_AFailedMessage_IsListedAndRedrivenToItsQueue()
    {
        await using var edge = await EdgeGateway.CreateAsync(Data);
        using var supervisor = edge.Client(EdgeGateway.SupervisorKey);
        var flaky = new FlakyConsumer.State();
        await using var bus = await StartedBus.OnRabbitMqAsync(edge.VirtualHost.Url, b => b.AddConsumer<FlakyConsumer>().Endpoint(e => e.Name = "flaky"), flaky);
        await bus.Bus.Publish(new FlakyWork("first"));
        var letter = await EmbeddedGateway.EventuallyAsync(async () =>
            (await supervisor.GetFromJsonAsync<DeadLetter[]>("/staff/dead-letters"))!.SingleOrDefault(), "the failed message in the dead-letter queue");

        Assert.Equal("flaky", letter.Queue);
        Assert.Equal("fault", letter.Reason);
        Assert.Contains("SmsVending.Gateway.Tests.Edge:FlakyWork", letter.MessageType);
        Assert.Contains("InvalidOperationException: not yet", letter.Error);
        Assert.Single((await supervisor.GetFromJsonAsync<DeadLetter[]>("/staff/dead-letters"))!); // listing removed nothing

        flaky.Fail = false;
        var refused = await supervisor.PostAsJsonAsync("/staff/dead-letters/redrive", new { messageIds = new[] { letter.MessageId } });
        var redrive = await supervisor.PostAsJsonAsync("/staff/dead-letters/redrive", new { messageIds = new[] { letter.MessageId }, reason = "fixed the cause" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        Assert.Equal("first", await flaky.Handled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty((await supervisor.GetFromJsonAsync<DeadLetter[]>("/staff/dead-letters"))!);
    }

    [Fact]
    public async Task DeadLetters_ForAnAgent_AreForbidden()
    {
        await using var edge = await EdgeGateway.CreateAsync(Data);
        using var agent = edge.Client(EdgeGateway.AgentKey);

        var response = await agent.GetAsync(new Uri("/staff/dead-letters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DeadLetters_InTheEmbeddedSystem_AreNotFoundWithTheReason()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.Staff(SmsVending.Gateway.Staff.StaffRoles.Supervisor).GetAsync(new Uri("/staff/dead-letters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no dead-letter queue", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Work for the flaky consumer.</summary>
public sealed record FlakyWork(string Name);

/// <summary>Fails until told not to: a consumer whose cause of failure gets fixed.</summary>
public sealed class FlakyConsumer(FlakyConsumer.State state) : IConsumer<FlakyWork>
{
    public Task Consume(ConsumeContext<FlakyWork> context)
    {
        if (state.Fail)
        {
            throw new InvalidOperationException("not yet");
        }

        state.Handled.TrySetResult(context.Message.Name);
        return Task.CompletedTask;
    }

    /// <summary>Whether it fails, and what it handled.</summary>
    public sealed class State
    {
        public volatile bool Fail = true;

        public TaskCompletionSource<string> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
