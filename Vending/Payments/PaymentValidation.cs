using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Vending.Payments;

/// <summary>Mobile-money C2B validation: the provider asks before taking a paybill payment; read-only and quick.</summary>
/// <remarks>
/// Accepts what <see cref="PaymentService"/> can use: a meter that is not blocked (nor its owner) and an amount within its
/// tariff's purchase limits, or a registered customer's phone (a wallet top-up, which has no limits).
/// </remarks>
internal sealed class PaymentValidation(VendingDatabase database, TariffStore tariffs, CustomerStore customers)
{
    public async Task<MeterAccountChecked> CheckAsync(CheckMeterAccount request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Sql = """
            SELECT m.tariff_id, m.status, c.status
            FROM vd_meters m
            LEFT JOIN vd_bindings b ON b.meter_number = m.meter_number AND b.role = @Owner
            LEFT JOIN vd_customers c ON c.id = b.customer_id
            WHERE m.meter_number = @meterNumber
            """;
        var meterNumber = MeterReference.Normalised(request.AccountReference);
        IEnumerable<(string TariffId, string Status, string? OwnerStatus)> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = await connection.QueryAsync<(string, string, string?)>(new CommandDefinition(Sql, new { meterNumber, Owner = BindingRole.Owner },
                cancellationToken: cancellationToken));
        }

        if (rows.FirstOrDefault() is not { TariffId: not null } meter)
        {
            return await customers.FindByPhoneAsync(request.AccountReference, cancellationToken) is not null
                ? new MeterAccountChecked(true, null, "a wallet top-up for a registered customer")
                : Refused(MeterAccountProblem.UnknownMeter, MeterReference.UnknownMessage(request.AccountReference));
        }

        if (meter.Status != MeterStatus.Active || meter.OwnerStatus == CustomerStatus.Blocked)
        {
            return Refused(MeterAccountProblem.Blocked, meter.Status != MeterStatus.Active ? $"meter {meterNumber} is blocked" : $"meter {meterNumber}'s account is blocked");
        }

        var tariff = await tariffs.FindAsync(meter.TariffId, cancellationToken) ?? throw new InvalidOperationException($"meter {meterNumber} has no tariff {meter.TariffId}");
        try
        {
            Pricing.CheckLimits(tariff, Money.Rounded(request.Amount, tariff.Currency));
        }
        catch (PricingRefusal refusal)
        {
            return Refused(refusal.Problem == PricingProblem.BelowMinimum ? MeterAccountProblem.BelowMinimum : MeterAccountProblem.AboveMaximum, refusal.Message);
        }

        return new MeterAccountChecked(true, null, $"a purchase for meter {meterNumber}");
    }

    private static MeterAccountChecked Refused(MeterAccountProblem problem, string message) => new(false, problem, message);
}
