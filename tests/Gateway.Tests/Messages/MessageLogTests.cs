using Microsoft.Extensions.Time.Testing;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Messages;

/// <summary>Storing an inbound message: a provider's repeat is told apart from the Gateway's own retry after a lost commit answer; answering it.</summary>
public sealed class MessageLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly IncomingMessage Sms = new(Channels.Sms, "SM0001", "+254712345678", "BUY 200", null);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Insert_AgainAsTheProvidersRepeat_IsNotStoredAgain(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = Migrated(provider, test);

        var first = await database.WriteAsync(c => MessageLog.InsertAsync(c, Sms, At, retried: false, default));
        var repeat = await database.WriteAsync(c => MessageLog.InsertAsync(c, Sms, At, retried: false, default));

        Assert.NotNull(first);
        Assert.Null(repeat);
    }

    /// <summary>A first attempt that committed although its connection broke before saying so (a database restart) left the row:
    /// the retry returns it to be handed on, instead of leaving the message to the periodic re-drive.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Insert_AgainAsTheGatewaysOwnRetry_ReturnsTheRowItsFirstAttemptCommitted(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = Migrated(provider, test);

        var committed = await database.WriteAsync(c => MessageLog.InsertAsync(c, Sms, At, retried: false, default));
        var retry = await database.WriteAsync(c => MessageLog.InsertAsync(c, Sms, At.AddSeconds(1), retried: true, default));

        Assert.Equal(committed!.Id, retry!.Id);
        Assert.Equal("BUY 200", retry.Body);
        Assert.Null(retry.AnsweredAt);
    }

    /// <summary>The reply and the answered mark are one command: queued once, marked once, and a repeat of either changes nothing.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Answer_QueuesTheReplyAndMarksTheMessageOnce(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = Migrated(provider, test);
        var clock = new FakeTimeProvider(At);
        var outbox = new Outbox(database, clock);
        var stored = await new MessageLog(database, clock).StoreAsync(Sms);
        var reply = new Reply("reply:SM0001", Sms.Phone!, "Your balance is KES0.00.", Answers: Sms.ExternalId);

        var answered = await outbox.AnswerAsync(reply, "answered");
        var again = await outbox.AnswerAsync(reply, "answered");
        var other = await outbox.AnswerAsync(reply with { DedupeKey = "reply:SM0001:b" }, "answered");

        Assert.Equal(stored!.Id, answered!.Id);
        Assert.Equal("answered", answered.Outcome);
        Assert.Null(again);
        Assert.Null(other);
        var due = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1));
        Assert.Equal(["reply:SM0001", "reply:SM0001:b"], due.Select(m => m.DedupeKey).Order());
    }

    private static GatewayDatabase Migrated(DatabaseProvider provider, TestDatabase test)
    {
        var database = new GatewayDatabase(provider, test.ConnectionString);
        database.Migrate();
        return database;
    }
}
