using System.Data.Common;
using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Purchases;

/// <summary>Purchase rows and their money: each state change and its ledger postings commit together.</summary>
internal sealed class PurchaseStore(VendingDatabase database, TimeProvider clock)
{
    /// <summary>What <see cref="ReadAsync"/> reads, in one command (one round trip on PostgreSQL): the purchase, the customer, the
    /// customer's meters, and the meter bought for (<see cref="Bought"/>) and its tariff.</summary>
    private static readonly string FactsSql = $"""
        SELECT {PurchaseRow.Columns} FROM vd_purchases WHERE idempotency_key = @Key;
        SELECT {CustomerStore.Columns} FROM vd_customers WHERE phone = @Phone;
        {Linked} ORDER BY b.meter_number;
        SELECT {MeterRegistry.Columns} FROM vd_meters WHERE meter_number = {Bought};
        SELECT t.definition FROM vd_tariffs t JOIN vd_meters m ON m.tariff_id = t.id WHERE m.meter_number = {Bought}
        """;

    private const string Linked = "SELECT b.meter_number FROM vd_bindings b JOIN vd_customers c ON c.id = b.customer_id WHERE c.phone = @Phone";

    /// <summary>The meter bought for: the one named or, for <c>@Meter</c> null, the customer's only one (none when they have several).</summary>
    private const string Bought = $"COALESCE(@Meter, (SELECT MIN(b.meter_number) FROM ({Linked}) b HAVING COUNT(*) = 1))";

    /// <summary>The purchase for a request with what deciding it reads (<see cref="PurchaseFacts"/>). The purchase is the one a
    /// previous delivery stored, or a new one that the first write about it (<see cref="RejectAsync"/>, <see cref="MoveAsync"/>,
    /// <see cref="PayAsync"/>) stores, saving a write of its own.</summary>
    /// <param name="phone">The buyer's phone in E.164, or null when the request's phone is not a number (no customer has it).</param>
    public async Task<PurchaseFacts> ReadAsync(PurchaseRequested request, string? phone, string currency, CancellationToken cancellationToken)
    {
        var meterNumber = request.MeterNumber is null ? null : MeterReference.Normalised(request.MeterNumber);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var reads = await connection.QueryMultipleAsync(new CommandDefinition(FactsSql,
            new { Key = request.IdempotencyKey, Phone = phone, Meter = meterNumber }, cancellationToken: cancellationToken));
        var stored = await reads.ReadSingleOrDefaultAsync<PurchaseRow>();
        var customer = await reads.ReadSingleOrDefaultAsync<Customer>();
        var linked = (await reads.ReadAsync<string>()).ToList();
        var meter = await reads.ReadSingleOrDefaultAsync<VendingMeter>();
        var definition = await reads.ReadSingleOrDefaultAsync<string>();
        return new PurchaseFacts(stored ?? New(request, currency), customer, linked, meterNumber ?? (linked.Count == 1 ? linked[0] : null), meter,
            definition is null ? null : TariffStore.Parse(definition));
    }

    private PurchaseRow New(PurchaseRequested request, string currency)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new PurchaseRow
        {
            Id = Guid.CreateVersion7().ToString("N"), IdempotencyKey = request.IdempotencyKey, Phone = request.Phone, MeterNumber = request.MeterNumber,
            Channel = request.Channel, AmountMinor = Money.Rounded(request.Amount, currency).Minor, Currency = currency,
            CreatedAt = now, UpdatedAt = now, IsNew = true,
        };
    }

    /// <summary>Runs a write about the purchase, storing it first when it is new (unless <paramref name="storesIt"/>: the write's own
    /// first command runs <see cref="InsertSql"/>); once committed, it is stored.</summary>
    private async Task<T> WriteAsync<T>(PurchaseRow purchase, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken, bool storesIt = false)
    {
        var result = await database.WriteAsync(async connection =>
        {
            if (purchase.IsNew && !storesIt)
            {
                Stored(purchase, await connection.QueryAsync<int>(new CommandDefinition(InsertSql, InsertParameters(purchase), cancellationToken: cancellationToken)));
            }

            return await work(connection);
        }, cancellationToken);
        purchase.IsNew = false;
        return result;
    }

    /// <summary>Stores a new purchase: a row (1) when it is stored, none when another delivery stored it first. Its parameters
    /// (<see cref="InsertParameters"/>) are named apart, so a command may run it with statements of its own.</summary>
    private const string InsertSql = $"""
        INSERT INTO vd_purchases ({PurchaseRow.Columns})
        VALUES (@NewId, @NewKey, @NewPhone, NULL, @NewMeterNumber, @NewChannel, @NewAmountMinor, @NewCurrency, @NewStatus, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, @NewCreatedAt, @NewUpdatedAt)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING 1
        """;

    private static DynamicParameters InsertParameters(PurchaseRow purchase) => new(new
    {
        NewId = purchase.Id, NewKey = purchase.IdempotencyKey, NewPhone = purchase.Phone, NewMeterNumber = purchase.MeterNumber, NewChannel = purchase.Channel,
        NewAmountMinor = purchase.AmountMinor, NewCurrency = purchase.Currency, NewStatus = purchase.Status, NewCreatedAt = purchase.CreatedAt,
        NewUpdatedAt = purchase.UpdatedAt,
    });

    /// <summary>Checks what <see cref="InsertSql"/> returned: nothing means another delivery stored the purchase first.</summary>
    private static void Stored(PurchaseRow purchase, IEnumerable<int> inserted)
    {
        if (!inserted.Any())
        {
            throw new PurchaseRaceException(purchase.IdempotencyKey);
        }
    }

    /// <summary>Marks a purchase refused before any money moved; false when it had already moved on (another delivery or the
    /// provider's callback got there first), leaving it as stored.</summary>
    public async Task<bool> RejectAsync(PurchaseRow purchase, PurchaseRejection reason, string detail, CancellationToken cancellationToken)
    {
        return await WriteAsync(purchase, async connection =>
        {
            var rejected = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE vd_purchases SET status = @Rejected, reason = @Reason, detail = @detail, customer_id = @CustomerId, meter_number = @MeterNumber, updated_at = @At
                WHERE id = @Id AND status IN (@Requested, @AwaitingPayment)
                """, new
            {
                PurchaseStatus.Rejected, Reason = reason.ToString(), detail, purchase.CustomerId, purchase.MeterNumber, purchase.Id, PurchaseStatus.Requested,
                PurchaseStatus.AwaitingPayment,
                At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken)) == 1;
            if (rejected)
            {
                (purchase.Status, purchase.Reason, purchase.Detail) = (PurchaseStatus.Rejected, reason.ToString(), detail);
            }

            return rejected;
        }, cancellationToken);
    }

    /// <summary>Moves a purchase between the states around a mobile-money charge; false when it had already moved on.</summary>
    public async Task<bool> MoveAsync(PurchaseRow purchase, string from, string to, CancellationToken cancellationToken)
    {
        return await WriteAsync(purchase, async connection =>
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE vd_purchases SET status = @to, customer_id = @CustomerId, meter_number = @MeterNumber, updated_at = @At WHERE id = @Id AND status = @from
                """, new { to, purchase.CustomerId, purchase.MeterNumber, At = clock.GetUtcNow().ToUnixTimeMilliseconds(), purchase.Id, from },
                cancellationToken: cancellationToken)) == 1;
            if (moved)
            {
                purchase.Status = to;
            }

            return moved;
        }, cancellationToken);
    }

    /// <summary>A meter's units and fixed charges bought this month, for block tariffs. The usage index holds every column it reads.</summary>
    /// <remarks>No status filter: only <see cref="PayAsync"/> sets a purchase's units and fixed charge, and <see cref="RefundAsync"/>
    /// zeroes them, so every purchase that has them is paid, issued or delivered (and a status in the index would move the entry
    /// at every step).</remarks>
    internal const string UsageSql = """
        SELECT SUM(units_tenths), SUM(fixed_charge_minor) FROM vd_purchases
        WHERE meter_number = @meterNumber AND month = @month
        """;

    /// <summary>What a payment reads under its locks, in one command (one round trip on PostgreSQL): the meter's and the customer's locks
    /// (<see cref="LockSql"/>, taken first), the month's usage, and the debt's and the wallet's running balances. A new purchase's
    /// <see cref="InsertSql"/> goes before them.</summary>
    private static readonly string PayReadsSql = string.Join(";\n", LockSql, UsageSql, Ledger.Ledger.BalanceOf("debt"), Ledger.Ledger.BalanceOf("wallet"));

    /// <summary>Marks the purchase paid: a row (1), or none when it moved on meanwhile. It follows the payment's postings in their command.</summary>
    private const string PaidSql = """
        UPDATE vd_purchases SET status = @Paid, customer_id = @customerId, meter_number = @meterNumber, month = @month, units_tenths = @Tenths,
            fixed_charge_minor = @Fixed, receipt = @Receipt, updated_at = @UpdatedAt
        WHERE id = @Id AND status = @Requested
        RETURNING 1
        """;

    /// <summary>Debits the wallet for the receipt and marks the purchase paid, in one transaction under the meter's and customer's locks:
    /// two commands, its reads (storing a new purchase first) and its writes.</summary>
    /// <returns>Null when paid; else the balance that was short.</returns>
    public async Task<Money?> PayAsync(PurchaseRow purchase, string customerId, string meterNumber, Func<PriceContext, Receipt> price, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var month = now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return await WriteAsync<Money?>(purchase, async connection =>
        {
            var (currency, wallet) = (purchase.Currency, LedgerAccounts.Wallet(customerId));
            var parameters = new DynamicParameters(new { meterNumber, customerId, month, debt = LedgerAccounts.Debt(meterNumber), wallet, currency });
            if (purchase.IsNew)
            {
                parameters.AddDynamicParams(InsertParameters(purchase));
            }

            using var reads = await connection.QueryMultipleAsync(new CommandDefinition(purchase.IsNew ? InsertSql + ";\n" + PayReadsSql : PayReadsSql,
                parameters, cancellationToken: cancellationToken));
            if (purchase.IsNew)
            {
                Stored(purchase, await reads.ReadAsync<int>());
            }

            var usage = await reads.ReadSingleAsync<(long? Tenths, long? FixedMinor)>();
            var debt = Ledger.Ledger.Balance(await reads.ReadSingleOrDefaultAsync<long?>(), currency);
            var balance = Ledger.Ledger.Balance(await reads.ReadSingleOrDefaultAsync<long?>(), currency);
            var receipt = price(new PriceContext((usage.Tenths ?? 0) / 10m, (usage.FixedMinor ?? 0) == 0, new Money(-debt.Minor, currency)));
            if (balance < receipt.Charged)
            {
                return balance;
            }

            var receiptJson = JsonSerializer.Serialize(receipt);
            var writes = new DynamicParameters(new
            {
                PurchaseStatus.Paid, customerId, meterNumber, month, Tenths = (long)(receipt.Units * 10), Fixed = receipt.FixedCharge.Minor,
                Receipt = receiptJson, UpdatedAt = now.ToUnixTimeMilliseconds(), purchase.Id, PurchaseStatus.Requested,
            });
            var postings = Parts.Select(part => new Posting(PostingId(purchase, part.Name), wallet, part.Account(meterNumber), part.Amount(receipt)))
                .Where(posting => posting.Amount.Minor > 0).ToList();
            // The update last: reading its row runs the postings before it.
            var sql = Ledger.Ledger.Postings(postings, now, purchase.Id, writes, then: PaidSql);
            if (!(await connection.QueryAsync<int>(new CommandDefinition(sql, writes, cancellationToken: cancellationToken))).Any())
            {
                throw new InvalidOperationException($"purchase {purchase.Id} moved on while it was being paid"); // a racing redelivery: retry reloads it
            }

            (purchase.Status, purchase.CustomerId, purchase.MeterNumber, purchase.Receipt) = (PurchaseStatus.Paid, customerId, meterNumber, receiptJson);
            return null;
        }, cancellationToken, storesIt: true);
    }

    /// <summary>Records the tokens of a paid purchase.</summary>
    public async Task IssueAsync(PurchaseRow purchase, IReadOnlyList<IssuedToken> tokens, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(tokens);
        await database.WriteCommandAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE vd_purchases SET status = @Issued, tokens = @json, updated_at = @At WHERE id = @Id AND status = @Paid",
                new { PurchaseStatus.Issued, json, At = clock.GetUtcNow().ToUnixTimeMilliseconds(), purchase.Id, PurchaseStatus.Paid }, cancellationToken: cancellationToken));
            (purchase.Status, purchase.Tokens) = (PurchaseStatus.Issued, json);
        }, cancellationToken);
    }

    /// <summary>Marks an issued purchase delivered; false when it is not (yet) issued.</summary>
    public async Task<bool> DeliveredAsync(Guid purchaseId, CancellationToken cancellationToken)
    {
        return await database.WriteCommandAsync(async connection =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE vd_purchases SET status = @Delivered, updated_at = @At WHERE id = @Id AND status = @Issued",
                new { PurchaseStatus.Delivered, At = clock.GetUtcNow().ToUnixTimeMilliseconds(), Id = purchaseId.ToString("N"), PurchaseStatus.Issued },
                cancellationToken: cancellationToken)) == 1;
        }, cancellationToken);
    }

    /// <summary>Returns a paid purchase's money to the wallet and marks it refused (the KeyAuthority would not make the token).</summary>
    public async Task RefundAsync(PurchaseRow purchase, string detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await database.WriteAsync(async connection =>
        {
            await LockAsync(connection, purchase.MeterNumber!, purchase.CustomerId!, cancellationToken);
            // The purchase's postings by their ids, on the ledger's unique key (a search by reference read the whole ledger).
            var ids = new DynamicParameters();
            for (var i = 0; i < Parts.Length; i++)
            {
                ids.Add("p" + i, PostingId(purchase, Parts[i].Name));
            }

            var entries = await connection.QueryAsync<(string PostingId, string Account, long Minor)>(new CommandDefinition(
                RefundedEntriesSql, ids, null, cancellationToken: cancellationToken));
            var refunds = entries.Select(entry => new Posting($"refund:{entry.PostingId}", entry.Account, LedgerAccounts.Wallet(purchase.CustomerId!),
                new Money(entry.Minor, purchase.Currency))).ToList();
            var writes = new DynamicParameters(new
            {
                PurchaseStatus.Rejected, Reason = nameof(PurchaseRejection.TokenRefused), detail, UpdatedAt = now.ToUnixTimeMilliseconds(), purchase.Id,
                PurchaseStatus.Paid,
            });
            // The refunds and the refused mark: one command.
            await connection.ExecuteAsync(new CommandDefinition(Ledger.Ledger.Postings(refunds, now, purchase.Id, writes, then: """
                UPDATE vd_purchases SET status = @Rejected, reason = @Reason, detail = @detail, units_tenths = 0, fixed_charge_minor = 0, updated_at = @UpdatedAt
                WHERE id = @Id AND status = @Paid
                """), writes, cancellationToken: cancellationToken));
            (purchase.Status, purchase.Reason, purchase.Detail) = (PurchaseStatus.Rejected, nameof(PurchaseRejection.TokenRefused), detail);
        }, cancellationToken);
    }

    /// <summary>What a purchase pays, each part of its receipt a posting from the wallet to its account (by meter number), in this order.</summary>
    private static readonly (string Name, Func<string, string> Account, Func<Receipt, Money> Amount)[] Parts =
    [
        ("fixed", _ => LedgerAccounts.FixedCharges, r => r.FixedCharge), ("debt", LedgerAccounts.Debt, r => r.DebtRecovery),
        ("energy", _ => LedgerAccounts.Energy, r => r.Energy), ("vat", _ => LedgerAccounts.Vat, r => r.Vat),
    ];

    /// <summary>A purchase's entries credited to the accounts it paid, one parameter per part (<c>@p0</c>…): Dapper hands a list to
    /// Npgsql as one array, which <c>IN</c> does not take.</summary>
    internal static readonly string RefundedEntriesSql =
        $"SELECT posting_id, account, amount_minor FROM vd_ledger WHERE posting_id IN ({string.Join(", ", Parts.Select((_, i) => "@p" + i))}) AND amount_minor > 0";

    private static string PostingId(PurchaseRow purchase, string part) => $"purchase:{purchase.Id}:{part}";

    /// <summary>Locks the meter's and the customer's rows, always meter then customer, for a write that reads or changes their money:
    /// two purchases cannot both spend one balance or one month's block, and on PostgreSQL a payment and a refund take the wallet's
    /// and the debt's running balances behind these locks, never in opposite orders.</summary>
    private const string LockSql = """
        UPDATE vd_meters SET status = status WHERE meter_number = @meterNumber;
        UPDATE vd_customers SET status = status WHERE id = @customerId
        """;

    /// <summary>Takes <see cref="LockSql"/>'s locks on their own (a payment takes them in the command of its reads).</summary>
    private static async Task LockAsync(DbConnection connection, string meterNumber, string customerId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { meterNumber, customerId }, cancellationToken: cancellationToken));
    }

    /// <summary>A customer's wallet balance.</summary>
    public async Task<Money> WalletAsync(string customerId, string currency, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Ledger.Ledger.BalanceAsync(connection, null, LedgerAccounts.Wallet(customerId), currency, cancellationToken);
    }

    /// <summary>A purchase by its idempotency key, or null.</summary>
    public async Task<PurchaseRow?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, idempotencyKey, cancellationToken);
    }

    /// <summary>Purchases parked for a charge since before the given time.</summary>
    public async Task<IReadOnlyList<PurchaseRow>> AwaitingSinceAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<PurchaseRow>(new CommandDefinition(
            $"SELECT {PurchaseRow.Columns} FROM vd_purchases WHERE status = @AwaitingPayment AND updated_at < @At ORDER BY updated_at",
            new { PurchaseStatus.AwaitingPayment, At = before.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken))];
    }

    /// <summary>Purchases matching every given filter, newest first.</summary>
    public async Task<IReadOnlyList<PurchaseRow>> SearchAsync(string? phone, string? meterNumber, string? idempotencyKey, Guid? purchaseId, bool issuedOnly,
        int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {PurchaseRow.Columns} FROM vd_purchases
            WHERE (@phone IS NULL OR phone = @phone) AND (@meterNumber IS NULL OR meter_number = @meterNumber)
              AND (@idempotencyKey IS NULL OR idempotency_key = @idempotencyKey) AND (@id IS NULL OR id = @id)
              AND (@IssuedOnly = 0 OR status IN (@Issued, @Delivered))
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<PurchaseRow>(new CommandDefinition(sql,
            new { phone, meterNumber, idempotencyKey, id = purchaseId?.ToString("N"), IssuedOnly = issuedOnly ? 1 : 0, PurchaseStatus.Issued, PurchaseStatus.Delivered, limit },
            cancellationToken: cancellationToken))];
    }

    private static Task<PurchaseRow?> FindAsync(DbConnection connection, string idempotencyKey, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PurchaseRow>(new CommandDefinition(
            $"SELECT {PurchaseRow.Columns} FROM vd_purchases WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
}

/// <summary>What pricing needs from the books, read under the purchase's locks.</summary>
internal sealed record PriceContext(decimal UnitsThisMonth, bool FixedChargeDue, Money Debt);
