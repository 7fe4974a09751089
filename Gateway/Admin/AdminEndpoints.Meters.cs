using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Infrastructure.Csv;

namespace SmsVending.Gateway.Admin;

/// <summary>Adding meters takes two services: the key record goes to the KeyAuthority first, then the meter to Vending.</summary>
internal static partial class AdminEndpoints
{
    /// <summary>Registers the key record (one that exists already is taken as an earlier attempt's), then adds the meter to Vending;
    /// when Vending refuses, its reason is the answer and the key record stays. Repeating a call that succeeded answers 200 with the meter.</summary>
    public static async Task<IResult> AddMeterAsync(JsonBody body, IRequestClient<RegisterMeterKey> keys, IRequestClient<AddVendingMeter> meters,
        IRequestClient<ListMeters> list, CancellationToken cancellationToken)
    {
        if (!body.TryRead<RegisterMeterKey>(out var key, out var problem) || !body.TryRead<MeterSale>(out var sale, out problem))
        {
            return problem;
        }

        var (_, keyRefusal) = await AdminBus.AskAsync<RegisterMeterKey, MeterKeyRegistered, MeterKeyRegistrationRefused>(keys, key, cancellationToken);
        if (keyRefusal is { IsDuplicate: false })
        {
            return keyRefusal.Problem();
        }

        var add = new AddVendingMeter(key.MeterNumber, sale.Utility, key.Profile, sale.TariffId);
        var (added, refusal) = await AdminBus.AskAsync<AddVendingMeter, VendingMeterAdded, AdminRequestRefused>(meters, add, cancellationToken);
        if (added is not null)
        {
            return AdminBus.Json(added.Meter, StatusCodes.Status201Created);
        }

        return refusal!.IsDuplicate && await SameMeterAsync(list, add, cancellationToken) is { } existing ? AdminBus.Json(existing) : refusal.Problem();
    }

    /// <summary>Imports the KeyAuthority's meters CSV (every key record or none), then adds each meter to Vending with the query's
    /// utility and tariff; answers the counts and the meters Vending refused, with their lines.</summary>
    public static async Task<IResult> ImportMetersAsync(CsvBody body, string? utility, string? tariff, string? profile, IRequestClient<ImportMeterKeys> keys,
        IRequestClient<AddVendingMeter> meters, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (utility is null || tariff is null)
        {
            return AdminBus.Problem(StatusCodes.Status400BadRequest, "say what Vending sells the meters as: ?utility=electricity|water|gas&tariff=ID");
        }

        IReadOnlyList<MeterKeyCsv.Meter> rows;
        try
        {
            rows = MeterKeyCsv.Read(body.Text!, profile);
        }
        catch (ArgumentException e)
        {
            return AdminBus.Problem(StatusCodes.Status400BadRequest, e.Message, (e as CsvLineException)?.Line);
        }

        var (imported, keyRefusal) = await AdminBus.AskAsync<ImportMeterKeys, MeterKeysImported, MeterKeysImportRefused>(keys, new(body.Text!), cancellationToken);
        if (imported is null)
        {
            return keyRefusal!.Problem();
        }

        var refused = new List<MeterImportRefusal>();
        Refusal? unavailable = null; // once Vending stops answering, the rest are reported without waiting for each
        foreach (var row in rows)
        {
            var refusal = unavailable ?? (await AdminBus.AskAsync<AddVendingMeter, VendingMeterAdded, AdminRequestRefused>(
                meters, new AddVendingMeter(row.Number, utility, row.Profile, tariff), cancellationToken)).Refusal;
            if (refusal is not null)
            {
                refused.Add(new MeterImportRefusal(row.Line, row.Number, refusal.Reason));
                unavailable = refusal.Status == StatusCodes.Status503ServiceUnavailable ? refusal : null;
            }
        }

        return AdminBus.Json(new MetersImportReport(imported.Count, rows.Count - refused.Count, refused));
    }

    /// <summary>The meter Vending has under this number, when it is sold as the request asks.</summary>
    private static async Task<MeterDetails?> SameMeterAsync(IRequestClient<ListMeters> list, AddVendingMeter add, CancellationToken cancellationToken)
    {
        var number = MeterReference.Normalised(add.MeterNumber);
        var (listed, _) = await AdminBus.AskAsync<ListMeters, MetersListed, AdminRequestRefused>(list, new ListMeters(number, 100), cancellationToken);
        return listed?.Meters.FirstOrDefault(m => m.MeterNumber == number && m.Profile == add.Profile && m.TariffId == add.TariffId
            && string.Equals(m.Utility, add.Utility.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>How Vending sells a meter: the fields of POST /admin/meters besides the key record's.</summary>
internal sealed record MeterSale(string Utility, string TariffId);

/// <summary>What a meters import did: key records stored by the KeyAuthority, meters added to Vending, and the ones Vending refused.</summary>
public sealed record MetersImportReport(int KeyRecords, int Added, IReadOnlyList<MeterImportRefusal> Refused);

/// <summary>A meter of an import that Vending did not add: its line in the file, its number and why.</summary>
public sealed record MeterImportRefusal(int Line, string MeterNumber, string Reason);
