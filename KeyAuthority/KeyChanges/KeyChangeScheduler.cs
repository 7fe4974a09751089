using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.KeyChanges;

/// <summary>Schedules key changes; each is issued before the meter's next credit token, which then uses the new key.</summary>
internal sealed class KeyChangeScheduler(KeyAuthorityDatabase database, TimeProvider clock)
{
    /// <summary>A meter whose base date ends soon, and when it ends.</summary>
    public sealed record RolloverCandidate(string MeterNumber, BaseDate BaseDate, DateTimeOffset Ends);

    /// <summary>Schedules a change for one STS meter; returns 0 when there is no such meter.</summary>
    public Task<int> ForMeterAsync(string meterNumber, KeyChangePlan plan, CancellationToken cancellationToken = default) =>
        ScheduleAsync("meter_number = @Target", meterNumber, plan.Validated(), cancellationToken);

    /// <summary>Schedules the same change for every STS meter of a supply group; returns how many.</summary>
    public Task<int> ForSupplyGroupAsync(int supplyGroupCode, KeyChangePlan plan, CancellationToken cancellationToken = default) =>
        ScheduleAsync("supply_group_code = @Target", supplyGroupCode, plan.Validated(), cancellationToken);

    /// <summary>STS meters whose base date runs out within the horizon (the 1993 base already has).</summary>
    public async Task<IReadOnlyList<RolloverCandidate>> PlanRolloverAsync(TimeSpan horizon, CancellationToken cancellationToken = default)
    {
        var until = clock.GetUtcNow() + horizon;
        var ending = Enum.GetValues<BaseDate>().Where(b => b != BaseDate.Year2035 && TokenIdentifier.End(b) <= until).Select(b => (int)b).ToArray();
        if (ending.Length == 0)
        {
            return [];
        }

        var sql = $"""
            SELECT meter_number, base_date FROM ka_meters
            WHERE profile = {(int)TokenProfile.Sts} AND base_date IN ({string.Join(",", ending)})
              AND meter_number NOT IN (SELECT meter_number FROM ka_key_changes)
            ORDER BY meter_number
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Meter, int Base)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RolloverCandidate(r.Meter, (BaseDate)r.Base, TokenIdentifier.End((BaseDate)r.Base)))];
    }

    /// <summary>Schedules a rollover (RO set, next base date, same key attributes) for every planned meter.</summary>
    public async Task<int> RunRolloverAsync(TimeSpan horizon, CancellationToken cancellationToken = default)
    {
        var scheduled = 0;
        foreach (var candidate in await PlanRolloverAsync(horizon, cancellationToken))
        {
            scheduled += await ForMeterAsync(candidate.MeterNumber, new KeyChangePlan(Rollover: true), cancellationToken);
        }

        return scheduled;
    }

    private async Task<int> ScheduleAsync(string filter, object target, KeyChangePlan plan, CancellationToken cancellationToken)
    {
        // A new schedule replaces a pending one. With RO and no explicit base, each meter moves to the base after its own.
        var delete = $"DELETE FROM ka_key_changes WHERE meter_number IN (SELECT meter_number FROM ka_meters WHERE {filter})";
        var insert = $"""
            INSERT INTO ka_key_changes (meter_number, supply_group_code, tariff_index, key_revision, key_type, key_expiry,
                                        base_date, dkga, ea, rollover, scheduled_at)
            SELECT meter_number, COALESCE(@SupplyGroupCode, supply_group_code), COALESCE(@TariffIndex, tariff_index),
                   COALESCE(@KeyRevision, key_revision), COALESCE(@KeyType, key_type), COALESCE(@KeyExpiry, key_expiry),
                   COALESCE(@BaseDate, CASE WHEN @Rollover = 1 THEN CASE base_date WHEN 1993 THEN 2014 WHEN 2014 THEN 2035 END ELSE base_date END),
                   COALESCE(@Dkga, dkga), COALESCE(@Algorithm, ea), @Rollover, @Now
            FROM ka_meters
            WHERE {filter} AND profile = {(int)TokenProfile.Sts} AND (@Rollover = 0 OR @BaseDate IS NOT NULL OR base_date <> 2035)
            """;
        var parameters = new
        {
            Target = target, plan.SupplyGroupCode, plan.TariffIndex, plan.KeyRevision, KeyType = (int?)plan.KeyType, plan.KeyExpiry,
            BaseDate = (int?)plan.BaseDate, plan.Dkga, Algorithm = (int?)plan.Algorithm, Rollover = plan.Rollover ? 1 : 0,
            Now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(delete, parameters, transaction, cancellationToken: cancellationToken));
        var scheduled = await connection.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return scheduled;
    }
}
