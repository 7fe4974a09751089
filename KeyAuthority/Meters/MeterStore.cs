using System.Data.Common;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Infrastructure.Csv;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Meters;

/// <summary>Registers meter key records, one by one or a whole import (a list or a CSV file) in one transaction.</summary>
internal sealed class MeterStore(KeyAuthorityDatabase database, MeterRegistrations checker, TimeProvider clock)
{
    private const string Insert = $"""
        INSERT INTO ka_meters ({MeterRow.Columns})
        VALUES (@MeterNumber, @Profile, @SupplyGroupCode, @TariffIndex, @KeyRevision, @KeyType, @KeyExpiry, @BaseDate, @Dkga, @Ea,
                @CreditKind, @LastTid, @StartingCode, @DeviceCount, @TimeDivider, @Restricted, @SealedDeviceKey,
                @CredentialHash, @FailedAttempts, @LockedUntil, @RegisteredAt)
        """;

    /// <summary>Registers one meter; refuses a meter number that is registered already.</summary>
    public Task RegisterAsync(RegisterMeterKey registration, CancellationToken cancellationToken = default) =>
        RegisterAllAsync([registration], cancellationToken);

    /// <summary>Registers every meter or none: the first bad or duplicate one stops the import and names its position.</summary>
    public Task RegisterAllAsync(IReadOnlyList<RegisterMeterKey> registrations, CancellationToken cancellationToken = default) =>
        RegisterAllAsync(registrations, null, cancellationToken);

    /// <summary>Registers every row of a CSV import (see <see cref="MeterCsv"/>) or none; the first bad row is named by its line.</summary>
    /// <returns>How many meters were registered.</returns>
    public async Task<int> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var rows = MeterCsv.Read(csv);
        await RegisterAllAsync([.. rows.Select(r => r.Registration)], [.. rows.Select(r => r.Line)], cancellationToken);
        return rows.Count;
    }

    private async Task RegisterAllAsync(IReadOnlyList<RegisterMeterKey> registrations, IReadOnlyList<int>? lines, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = registrations.Select((r, i) => Checked(i, lines, registrations.Count, () => checker.ToRow(r, now))).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(rows[i]), transaction, cancellationToken: cancellationToken));
            }
            catch (DbException e) when (database.IsUniqueViolation(e))
            {
                var problem = $"meter {rows[i].MeterNumber} is registered already";
                throw Failure(i, lines, rows.Count, problem, new RefusedException(RefusalKind.Conflict, problem, e));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A meter's stored record, or null.</summary>
    public async Task<MeterRow?> FindAsync(string meterNumber, CancellationToken cancellationToken = default)
    {
        const string Sql = $"SELECT {MeterRow.Columns} FROM ka_meters WHERE meter_number = @meterNumber";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MeterRow>(new CommandDefinition(Sql, new { meterNumber }, cancellationToken: cancellationToken));
    }

    /// <summary>The row as Dapper parameters: enums and flags as plain integers, which every database accepts.</summary>
    public static object Parameters(MeterRow r) => new
    {
        r.MeterNumber, Profile = (int)r.Profile, r.SupplyGroupCode, r.TariffIndex, r.KeyRevision, KeyType = (int)r.KeyType, r.KeyExpiry,
        BaseDate = (int)r.BaseDate, r.Dkga, Ea = (int)r.Ea, CreditKind = (int)r.CreditKind, r.LastTid, r.StartingCode, r.DeviceCount,
        r.TimeDivider, r.Restricted, r.SealedDeviceKey, r.CredentialHash, r.FailedAttempts, r.LockedUntil, r.RegisteredAt,
    };

    private static T Checked<T>(int index, IReadOnlyList<int>? lines, int count, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw Failure(index, lines, count, e.Message.Split(" (Parameter")[0], e);
        }
    }

    /// <summary>A CSV import names the line; a list of several names the record ("record 3: ..."); a single one needs neither.</summary>
    private static ArgumentException Failure(int index, IReadOnlyList<int>? lines, int count, string problem, Exception inner) => lines is not null
        ? new CsvLineException(lines[index], problem, inner)
        : new ArgumentException((count > 1 ? $"record {index + 1}: " : "") + problem, inner);
}
