using Dapper;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Storage;

namespace SmsVending.Distributed.Tests.Support;

/// <summary>What must hold in the three databases after any run, whatever was killed or restarted: every purchase SMS has exactly one
/// purchase, issued, paid once and never refunded; the KeyAuthority answered each request once with one token and never gave a meter's
/// TID twice; the books reconcile (Vending's own check: no wallet below zero, every running balance the sum of its entries); every
/// purchase SMS got its final answer.</summary>
internal static class Invariants
{
    /// <summary>What does not hold; <paramref name="purchases"/> is how many purchase SMS reached Vending (all, unless some were shed).</summary>
    public static async Task<IReadOnlyList<string>> BrokenAsync(DistributedSystem system, int purchases)
    {
        var broken = new List<string>();
        void Expect(bool holds, string what)
        {
            if (!holds)
            {
                broken.Add(what);
            }
        }

        await using (var gateway = await system.OpenDatabaseAsync("gateway"))
        {
            var open = await gateway.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gw_inbound WHERE command = 'BUY' AND answered_at IS NULL");
            Expect(open == 0, $"{open} purchase SMS have no final answer");
        }

        await using (var vending = await system.OpenDatabaseAsync("vending"))
        {
            var statuses = (await vending.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM vd_purchases WHERE channel = 'sms' GROUP BY status"))
                .ToDictionary(s => s.Status, s => s.Count);
            Expect(statuses.Values.Sum() == purchases, $"{statuses.Values.Sum()} purchases stored for {purchases} purchase SMS");
            Expect(statuses.Keys.All(s => s is "issued" or "delivered"), $"purchases not issued: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}");
            var unpaid = await vending.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM vd_purchases p WHERE channel = 'sms'
                AND NOT EXISTS (SELECT 1 FROM vd_ledger l WHERE l.posting_id LIKE 'purchase:' || p.id || ':%' AND l.account = 'wallet:' || p.customer_id AND l.amount_minor < 0)
                """);
            Expect(unpaid == 0, $"{unpaid} purchases have no wallet debit");
            var refunds = await vending.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM vd_ledger WHERE posting_id LIKE 'refund:%'");
            Expect(refunds == 0, $"{refunds} refund postings");
        }

        // Vending's own reconciliation: every posting two entries that sum to zero, every running balance (what a purchase reads)
        // the sum of its entries, no wallet overdrawn.
        using (var database = new VendingDatabase(DatabaseProvider.Postgres, system.ConnectionString("vending")))
        {
            broken.AddRange((await new Reconciliation(database).CheckAsync()).Findings);
        }

        await using (var keyAuthority = await system.OpenDatabaseAsync("keyauthority"))
        {
            var requests = await keyAuthority.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ka_requests");
            var tokens = await keyAuthority.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ka_audit");
            Expect(requests == purchases, $"the KeyAuthority answered {requests} token requests for {purchases} purchases");
            Expect(tokens == purchases, $"the KeyAuthority issued {tokens} tokens for {purchases} purchases");
            var reused = await keyAuthority.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM (SELECT meter_number, tid FROM ka_audit WHERE tid IS NOT NULL GROUP BY meter_number, tid HAVING COUNT(*) > 1) t");
            Expect(reused == 0, $"{reused} TIDs given twice for one meter");
        }

        return broken;
    }
}
