using System.Data.Common;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Meters;

/// <summary>Meters, who may buy for them, and their debts.</summary>
public sealed class MeterRegistry(VendingDatabase database, TariffStore tariffs, TimeProvider clock)
{
    private const string Columns = "meter_number, utility, profile, tariff_id, status";

    /// <summary>Adds a meter on an existing tariff; meter numbers are unique.</summary>
    public async Task AddAsync(string meterNumber, string utility, TokenProfile profile, string tariffId, CancellationToken cancellationToken = default)
    {
        _ = await tariffs.FindAsync(tariffId, cancellationToken) ?? throw new ArgumentException($"no tariff {tariffId}");
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition($"""
                INSERT INTO vd_meters ({Columns}, created_at) VALUES (@meterNumber, @utility, @Profile, @tariffId, @Status, @At)
                """, new { meterNumber, utility, Profile = (int)profile, tariffId, Status = MeterStatus.Active, At = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new ArgumentException($"meter {meterNumber} is registered already", e);
        }
    }

    /// <summary>Lets a customer buy for a meter (as owner or allowed buyer); binding twice changes the role. A meter has one owner at most.</summary>
    public async Task BindAsync(string customerId, string meterNumber, string role, CancellationToken cancellationToken = default)
    {
        if (role is not (BindingRole.Owner or BindingRole.Buyer))
        {
            throw new ArgumentException($"a binding role is {BindingRole.Owner} or {BindingRole.Buyer}");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO vd_bindings (customer_id, meter_number, role) VALUES (@customerId, @meterNumber, @role)
                ON CONFLICT (customer_id, meter_number) DO UPDATE SET role = excluded.role
                """, new { customerId, meterNumber, role }, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new ArgumentException($"meter {meterNumber} has another owner already", e);
        }
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
