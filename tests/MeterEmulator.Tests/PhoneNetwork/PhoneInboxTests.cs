using Microsoft.Extensions.Time.Testing;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class PhoneInboxTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task WaitForMessageAsync_AlreadyReceived_AnswersAtOnce()
    {
        var inbox = new PhoneInbox(time);
        inbox.Deliver(Message("+254711000001", "Token 1234"));

        var message = await inbox.WaitForMessageAsync("+254711000001", m => m.Body.StartsWith("Token", StringComparison.Ordinal), TimeSpan.FromSeconds(1));

        Assert.Equal("Token 1234", message.Body);
    }

    [Fact]
    public async Task WaitForMessageAsync_MatchArrivesLater_CompletesWithTheMatchOnly()
    {
        var inbox = new PhoneInbox(time);
        var waiting = inbox.WaitForMessageAsync("+254711000001", m => m.Body.Contains("5678", StringComparison.Ordinal), TimeSpan.FromSeconds(1));

        inbox.Deliver(Message("+254711000002", "Token 5678 for another phone"));
        inbox.Deliver(Message("+254711000001", "Help: BUY meter amount"));
        Assert.False(waiting.IsCompleted);
        inbox.Deliver(Message("+254711000001", "Token 5678"));

        Assert.Equal("Token 5678", (await waiting).Body);
        Assert.Equal(["Help: BUY meter amount", "Token 5678"], inbox.Messages("+254711000001").Select(m => m.Body));
    }

    [Fact]
    public async Task WaitForMessageAsync_NothingInTime_ThrowsTimeoutWithoutTheFullNumber()
    {
        var inbox = new PhoneInbox(time);
        var waiting = inbox.WaitForMessageAsync("+254711000001", _ => true, TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(5));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.DoesNotContain("254711000001", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("0001", timeout.Message, StringComparison.Ordinal);
    }

    private InboxMessage Message(string to, string body) => new(TwilioSid.NewMessageSid(), "+15005550006", to, body, time.GetUtcNow());
}
