using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Messages;

/// <summary>Storing an inbound message: a provider's repeat is told apart from the Gateway's own retry after a lost commit answer.</summary>
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

    private static GatewayDatabase Migrated(DatabaseProvider provider, TestDatabase test)
    {
        var database = new GatewayDatabase(provider, test.ConnectionString);
        database.Migrate();
        return database;
    }
}
