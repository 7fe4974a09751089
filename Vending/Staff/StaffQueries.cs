using SmsVending.Infrastructure.Phones;
using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Staff;

/// <summary>What call-centre staff look up: purchases by phone, meter or reference, and a customer's whole timeline.</summary>
internal sealed class StaffQueries(VendingDatabase database, PurchaseStore store, CustomerStore customers, MeterRegistry meters, VendingOptions options)
{
    /// <summary>Purchases matching every given filter, newest first.</summary>
    public async Task<PurchasesFound> FindAsync(FindPurchases query, CancellationToken cancellationToken = default)
    {
        var phone = query.Phone is null ? null : Phones.TryNormalise(query.Phone, options.DefaultRegion, out var e164, out _) ? e164 : query.Phone;
        var meter = query.MeterNumber is null ? null : MeterReference.Normalised(query.MeterNumber);
        var rows = await store.SearchAsync(phone, meter, query.Reference, null, issuedOnly: false, Math.Clamp(query.Limit, 1, 500), cancellationToken);
        return new PurchasesFound([.. rows.Select(Summary)]);
    }

    /// <summary>The customer, wallet, meters, purchases and payments, newest first.</summary>
    public async Task<CustomerTimeline> TimelineAsync(GetCustomerTimeline query, CancellationToken cancellationToken = default)
    {
        var customer = await customers.FindByPhoneAsync(query.Phone, cancellationToken);
        if (customer is null)
        {
            return new CustomerTimeline(false, query.Phone, null, null, 0, options.Currency, [], []);
        }

        var limit = Math.Clamp(query.Limit, 1, 500);
        var purchases = (await store.SearchAsync(customer.Phone, null, null, null, issuedOnly: false, limit, cancellationToken)).Select(Summary)
            .Select(p => new TimelineEntry(p.CreatedAt, "purchase", p.IdempotencyKey, p.Status, p.Amount, p.Currency, p.MeterNumber,
                p.Reason is null ? null : $"{p.Reason}: {p.Detail}", p.Tokens, p.PurchaseId));
        await using var connection = await database.OpenAsync(cancellationToken);
        var payments = (await connection.QueryAsync<(string Id, string Kind, string? Meter, long Minor, string Currency, string Status, long At)>(new CommandDefinition("""
            SELECT provider_id, kind, meter_number, amount_minor, currency, status, received_at FROM vd_payments
            WHERE phone = @Phone OR phone = @Bare OR meter_number IN (SELECT meter_number FROM vd_bindings WHERE customer_id = @Id)
            ORDER BY received_at DESC LIMIT @limit
            """, new { customer.Phone, Bare = customer.Phone.TrimStart('+'), customer.Id, limit }, cancellationToken: cancellationToken)))
            .Select(p => new TimelineEntry(DateTimeOffset.FromUnixTimeMilliseconds(p.At), "payment:" + p.Kind, p.Id, p.Status,
                Money.MajorOf(p.Minor, p.Currency), p.Currency, p.Meter, null, []));
        var wallet = await store.WalletAsync(customer.Id, options.Currency, cancellationToken);
        var linked = await meters.MetersOfAsync(customer.Id, cancellationToken);
        return new CustomerTimeline(true, customer.Phone, customer.Name, customer.Language, wallet.Amount, options.Currency,
            [.. linked.Select(m => new CustomerMeter(m.MeterNumber, m.Role))],
            [.. purchases.Concat(payments).OrderByDescending(e => e.At).Take(limit)], HasPin: customer.PinHash is not null);
    }

    private static PurchaseSummary Summary(PurchaseRow r) => new(
        r.PurchaseId, r.IdempotencyKey, r.Phone, r.MeterNumber, r.Channel, Money.MajorOf(r.AmountMinor, r.Currency), r.Currency, r.Status, r.Reason, r.Detail,
        r.UnitsTenths / 10m, r.Tokens is null ? [] : [.. JsonSerializer.Deserialize<List<IssuedToken>>(r.Tokens)!.Select(t => t.Digits)],
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAt));
}
