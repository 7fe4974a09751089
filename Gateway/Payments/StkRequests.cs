using System.Globalization;
using Dapper;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Storage;

namespace SmsVending.Gateway.Payments;

/// <summary>The STK pushes we made: each purchase is pushed once, and its CheckoutRequestID leads the callback back to it.</summary>
internal sealed class StkRequests(GatewayDatabase database, TimeProvider clock)
{
    /// <summary>Claims the push for the purchase; false when it was claimed before (a redelivered charge request).</summary>
    public async Task<bool> ClaimAsync(MobileMoneyChargeRequested charge, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO gw_stk_requests (purchase_id, phone, amount, currency, created_at) VALUES (@purchaseId, @Phone, @amount, @Currency, @now)
            ON CONFLICT (purchase_id) DO NOTHING
            """;
        return await database.WriteAsync(async connection =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                purchaseId = charge.PurchaseId.ToString("N"), charge.Phone, amount = charge.Amount.ToString(CultureInfo.InvariantCulture), charge.Currency,
                now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken)) == 1;
        }, cancellationToken);
    }

    /// <summary>Gives a claim back when the push surely did not reach the provider, so a retry may push.</summary>
    public async Task ReleaseAsync(Guid purchaseId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM gw_stk_requests WHERE purchase_id = @id AND checkout_request_id IS NULL",
                new { id = purchaseId.ToString("N") }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Records the provider's ids for the push.</summary>
    public async Task PushedAsync(Guid purchaseId, string checkoutRequestId, string? merchantRequestId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            UPDATE gw_stk_requests SET checkout_request_id = @checkoutRequestId, merchant_request_id = @merchantRequestId, pushed_at = @now
            WHERE purchase_id = @id
            """;
        await database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = purchaseId.ToString("N"), checkoutRequestId, merchantRequestId, now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>The purchase a push was for, or null when no push of ours has that checkout id (yet).</summary>
    public async Task<Guid?> PurchaseOfAsync(string checkoutRequestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT purchase_id FROM gw_stk_requests WHERE checkout_request_id = @checkoutRequestId", new { checkoutRequestId }, cancellationToken: cancellationToken));
        return id is null ? null : Guid.ParseExact(id, "N");
    }
}
