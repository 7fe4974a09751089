using Microsoft.Extensions.Time.Testing;
using SmsVending.Gateway.CallCentre;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.Gateway.Storage;
using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.CallCentre;

/// <summary>The live view's counters over the Gateway's own message log and outbox, on each database the Gateway runs on.</summary>
public sealed class LiveStatsTests
{
    // 10:00:30 on some day: minutes start at 10:00, 10:01, …
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TakeAsync_CountsMessagesPerMinute_PurchasesByOutcome_AndFailuresByReason(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = new GatewayDatabase(provider, test.ConnectionString);
        database.Migrate();
        var clock = new FakeTimeProvider(Start);
        var (log, outbox) = (new MessageLog(database, clock), new Outbox(database, clock));

        await BuyAsync(log, "issued");                           // 10:00, before the window below
        clock.Advance(TimeSpan.FromMinutes(2));                 // 10:02
        await BuyAsync(log, "issued");
        await BuyAsync(log, "InsufficientBalance");
        await log.StoreAsync(Channels.Sms, "SM-bal", "+254711000001", "BAL");
        await outbox.QueueAsync(new Reply("reply:1", "+254711000001", "Token 1234"));
        await outbox.QueueAsync(new Reply("reply:2", "+254711000001", "Your balance is KES 5"));
        clock.Advance(TimeSpan.FromMinutes(1));                 // 10:03
        await BuyAsync(log, null);
        await BuyAsync(log, "InsufficientBalance");
        await outbox.QueueAsync(new Reply("reply:3", "+254711000002", "Sorry"));
        var sent = await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1));
        await outbox.ReportAsync(sent[0].Id, "SM-out-1", "undelivered", "30003");
        await outbox.FailedAsync(sent[1].Id, "21211 invalid number");
        clock.Advance(TimeSpan.FromSeconds(20));                // 10:03:50

        var live = await new LiveStats(database, clock).TakeAsync(3);

        Assert.Equal(Start.AddSeconds(30), live.From);          // 10:01, the window's first whole minute
        Assert.Equal([(Start.AddSeconds(30), 0L, 0L), (Start.AddSeconds(90), 3L, 2L), (Start.AddSeconds(150), 2L, 1L)],
            live.Minutes.Select(m => (m.At, m.In, m.Out)));
        Assert.Equal([("InsufficientBalance", 2L), ("issued", 1L), ("pending", 1L)], live.Purchases.Select(c => (c.Name, c.Count)));
        Assert.Equal([("InsufficientBalance", 2L), ("SMS failed", 1L), ("SMS undelivered", 1L)], live.Failures.Select(c => (c.Name, c.Count)));
    }

    private static async Task BuyAsync(MessageLog log, string? outcome)
    {
        var stored = (await log.StoreAsync(Channels.Sms, $"SM{Guid.NewGuid():N}", "+254711000001", "BUY 200"))!;
        await log.ParsedAsync(stored.Id, "BUY", null);
        if (outcome is not null)
        {
            await log.AnsweredAsync(stored.ExternalId, outcome);
        }
    }
}
