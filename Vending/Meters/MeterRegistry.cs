using System.Data.Common;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Meters;

/// <summary>Meters, who may buy for them, and their debts.</summary>
public sealed class MeterRegistry(VendingDatabase database, TariffStore tariffs, TimeProvider clock)
{
    internal const string Columns = "meter_number, utility, profile, tariff_id, status";

    /// <summary>Adds a meter on an existing tariff; meter numbers are checked for their profile, normalised and unique.</summary>
    public async Task<VendingMeter> AddAsync(string meterNumber, string utility, TokenProfile profile, string tariffId, CancellationToken cancellationToken = default)
    {
        if (!MeterReference.TryNormalise(meterNumber, profile, out var number, out var error))
        {
            throw new ArgumentException(error);
        }

        if (!MeterUtility.All.Contains(utility))
        {
            throw new ArgumentException($"a meter measures {string.Join(", ", MeterUtility.All)}, not {utility}");
        }

        _ = await tariffs.FindAsync(tariffId, cancellationToken) ?? throw new ArgumentException($"no tariff {tariffId}");
        var meter = new VendingMeter { MeterNumber = number, Utility = utility, Profile = profile, TariffId = tariffId, Status = MeterStatus.Active };
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition($"""
                INSERT INTO vd_meters ({Columns}, created_at) VALUES (@MeterNumber, @Utility, @Profile, @TariffId, @Status, @At)
                """, new { meter.MeterNumber, meter.Utility, Profile = (int)profile, meter.TariffId, meter.Status, At = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new RefusedException(RefusalKind.Conflict, $"meter {number} is registered already", e);
        }

        return meter;
    }

    /// <summary>Lets a customer buy for a meter (as owner or allowed buyer); binding twice changes the role. A meter has one owner at most.</summary>
    public async Task BindAsync(string customerId, string meterNumber, string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await BindAsync(connection, null, customerId, meterNumber, role, cancellationToken);
    }

    /// <summary>Binds in the caller's transaction (an import binds many or none).</summary>
    internal async Task BindAsync(DbConnection connection, DbTransaction? transaction, string customerId, string meterNumber, string role,
        CancellationToken cancellationToken)
    {
        if (role is not (BindingRole.Owner or BindingRole.Buyer))
        {
            throw new ArgumentException($"a binding role is {BindingRole.Owner} or {BindingRole.Buyer}, not {role}");
        }

        var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM vd_meters WHERE meter_number = @meterNumber", new { meterNumber }, transaction, cancellationToken: cancellationToken));
        if (known == 0)
        {
            throw MeterReference.Unknown(meterNumber);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO vd_bindings (customer_id, meter_number, role) VALUES (@customerId, @meterNumber, @role)
                ON CONFLICT (customer_id, meter_number) DO UPDATE SET role = excluded.role
                """, new { customerId, meterNumber, role }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new RefusedException(RefusalKind.Conflict, $"meter {meterNumber} has an owner already: unbind the owner first, or bind this phone as a buyer", e);
        }
    }

    /// <summary>Stops a customer buying for a meter; false when they were not bound to it.</summary>
    public async Task<bool> UnbindAsync(string customerId, string meterNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM vd_bindings WHERE customer_id = @customerId AND meter_number = @meterNumber", new { customerId, meterNumber },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Blocks or reopens sales for a meter; the meter as it now is, or null when there is no such meter.</summary>
    public async Task<VendingMeter?> SetStatusAsync(string meterNumber, string status, CancellationToken cancellationToken = default)
    {
        const string Sql = $"UPDATE vd_meters SET status = @status WHERE meter_number = @meterNumber RETURNING {Columns}";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VendingMeter>(new CommandDefinition(Sql, new { meterNumber, status }, cancellationToken: cancellationToken));
    }

    /// <summary>Meters whose number contains the query (all without one), by number, a page at a time, and how many match in all.</summary>
    public async Task<(IReadOnlyList<VendingMeter> Page, int Total)> ListAsync(string? query, int limit, int offset, CancellationToken cancellationToken = default)
    {
        const string Where = "WHERE @pattern IS NULL OR meter_number LIKE @pattern";
        const string Page = $"SELECT {Columns} FROM vd_meters {Where} ORDER BY meter_number LIMIT @limit OFFSET @offset";
        const string Count = $"SELECT COUNT(*) FROM vd_meters {Where}";
        var parameters = new { pattern = string.IsNullOrWhiteSpace(query) ? null : $"%{MeterReference.Normalised(query)}%", limit, offset };
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await connection.QueryAsync<VendingMeter>(new CommandDefinition(Page, parameters, cancellationToken: cancellationToken));
        return ([.. page], await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, parameters, cancellationToken: cancellationToken)));
    }

    /// <summary>Who may buy for a meter: the phones and their roles, the owner first.</summary>
    public async Task<IReadOnlyList<(string Phone, string Role)>> HoldersOfAsync(string meterNumber, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT c.phone, b.role FROM vd_bindings b JOIN vd_customers c ON c.id = b.customer_id
            WHERE b.meter_number = @meterNumber ORDER BY b.role DESC, c.phone
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, string)>(new CommandDefinition(Sql, new { meterNumber }, cancellationToken: cancellationToken))];
    }

    /// <summary>Links a customer to a meter as its owner when it has none, else as a buyer; a customer linked already keeps their role.</summary>
    /// <returns>The customer's role for the meter.</returns>
    public async Task<string> LinkAsync(string customerId, string meterNumber, CancellationToken cancellationToken = default)
    {
        // The unique owner index decides between concurrent first links: the loser becomes a buyer. Never check-then-insert.
        const string Insert = """
            INSERT INTO vd_bindings (customer_id, meter_number, role) VALUES (@customerId, @meterNumber, @role)
            ON CONFLICT (customer_id, meter_number) DO NOTHING
            """;
        const string Role = "SELECT role FROM vd_bindings WHERE customer_id = @customerId AND meter_number = @meterNumber";
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<bool> InsertAsync(string role) =>
            await connection.ExecuteAsync(new CommandDefinition(Insert, new { customerId, meterNumber, role }, cancellationToken: cancellationToken)) == 1;
        try
        {
            if (await InsertAsync(BindingRole.Owner))
            {
                return BindingRole.Owner;
            }
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            // Another customer owns the meter (or this customer's own binding raced in): link as a buyer unless linked already.
            if (await InsertAsync(BindingRole.Buyer))
            {
                return BindingRole.Buyer;
            }
        }

        return await connection.QuerySingleAsync<string>(new CommandDefinition(Role, new { customerId, meterNumber }, cancellationToken: cancellationToken));
    }

    /// <summary>A meter, or null.</summary>
    public async Task<VendingMeter?> FindAsync(string meterNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VendingMeter>(new CommandDefinition(
            $"SELECT {Columns} FROM vd_meters WHERE meter_number = @meterNumber", new { meterNumber }, cancellationToken: cancellationToken));
    }

    /// <summary>The meters a customer may buy for, with the role.</summary>
    public async Task<IReadOnlyList<(string MeterNumber, string Role)>> MetersOfAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT meter_number, role FROM vd_bindings WHERE customer_id = @customerId ORDER BY meter_number", new { customerId }, cancellationToken: cancellationToken))];
    }

    /// <summary>The customer who owns a meter, or null.</summary>
    public async Task<string?> OwnerOfAsync(string meterNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT customer_id FROM vd_bindings WHERE meter_number = @meterNumber AND role = @Owner",
            new { meterNumber, Owner = BindingRole.Owner }, cancellationToken: cancellationToken));
    }

    /// <summary>Records arrears on a meter; purchases then recover them at the tariff's rate.</summary>
    public async Task AddDebtAsync(string meterNumber, Money debt, string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Ledger.Ledger.PostAsync(connection, transaction, $"debt:{meterNumber}:{reference}", LedgerAccounts.Debt(meterNumber), LedgerAccounts.Arrears, debt,
            clock.GetUtcNow(), reference, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
