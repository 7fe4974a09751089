using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Ir;
using SmsVending.MeterEmulator.Meters;
using SmsVending.MeterEmulator.MobileMoney;

namespace SmsVending.MeterEmulator.Load;

/// <summary>Provisions a run's customers through the Gateway as a utility would: new STS meters (admin API), their decoder keys
/// (manufacturing export) loaded into emulated meters, the customers and their bindings (customer CSV import), and wallets
/// funded by M-Pesa C2B payments for every purchase the run will make. When some purchases go over infrared, every meter is
/// enrolled for it (its identity key registered, the host's key trusted).</summary>
internal sealed class LoadFleet(LoadSettings settings, HttpClient http, GatewayClient gateway, MobileMoneyHost money, ILoadObserver observer, TimeProvider time)
{
    /// <summary>Rows per customer import: each import is one Vending transaction that must answer within the admin timeout.</summary>
    private const int ImportBatch = 500;

    private static readonly TimeSpan FundingWait = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<LoadCustomer>> ProvisionAsync(CancellationToken cancellationToken)
    {
        // A run prefix keeps phones and meters apart from earlier runs against the same data.
        var run = settings.RunPrefix ?? LoadNumbers.Draw();
        // Each customer makes an even share of the purchases (the first ones one more), and its wallet is funded for exactly that.
        var customers = Enumerable.Range(0, settings.Customers)
            .Select(i => new LoadCustomer(i, run)
            {
                Remaining = settings.Purchases / settings.Customers + (i < settings.Purchases % settings.Customers ? 1 : 0),
            })
            .ToList();
        await EachAsync("meters", customers, (customer, token) => AddMeterAsync(customer, run, token), cancellationToken);
        await ImportCustomersAsync(customers, run, cancellationToken);
        await FundAsync(customers, cancellationToken);
        return customers;
    }

    private async Task AddMeterAsync(LoadCustomer customer, int run, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await LoadNumbers.OnFreeNumbersAsync(run, async prefix =>
        {
            customer.MeterNumber = LoadNumbers.Meter(prefix, customer.Index);
            if (!await gateway.AddMeterAsync(customer.MeterNumber, code, cancellationToken))
            {
                // The Gateway answers a repeated add with the meter it has, which an earlier run's customer owns.
                throw new GatewayRefusedException($"POST /admin/meters: meter {customer.MeterNumber} is registered already", HttpStatusCode.Conflict);
            }
        });
        var key = await gateway.DecoderKeyAsync(customer.MeterNumber, cancellationToken);
        var meter = MeterFactory.Build(key);
        customer.Meter = settings.IrShare > 0 ? await IrEnrolment.EnrolAsync(http, settings.Credentials.ManufacturingApiKey, meter, cancellationToken) : meter;
    }

    /// <summary>Imports the customers in batches; an import stores every row or none, so a batch with a phone registered
    /// already is tried again whole on another prefix.</summary>
    private async Task ImportCustomersAsync(List<LoadCustomer> customers, int run, CancellationToken cancellationToken)
    {
        observer.Begin("customers", customers.Count);
        foreach (var batch in customers.Chunk(ImportBatch))
        {
            await LoadNumbers.OnFreeNumbersAsync(run, prefix =>
            {
                var csv = new StringBuilder("phone,name,language,pin,meter,role\n");
                foreach (var customer in batch)
                {
                    customer.Phone = LoadNumbers.Phone(prefix, customer.Index);
                    csv.Append(CultureInfo.InvariantCulture, $"{customer.Phone},Load customer {customer.Phone[^5..]},en,,{customer.MeterNumber},owner\n");
                }

                return gateway.ImportCustomersAsync(csv.ToString(), cancellationToken);
            });
            observer.Advance("customers", batch.Length);
        }
    }

    /// <summary>Each customer pays the paybill with the phone as the account, then the run waits until every wallet shows it.</summary>
    private async Task FundAsync(List<LoadCustomer> customers, CancellationToken cancellationToken)
    {
        decimal Funding(LoadCustomer customer) => settings.Amount * customer.Remaining;
        money.Customers.OpeningBalance = Math.Max(money.Customers.OpeningBalance, customers.Max(Funding));
        await EachAsync("payments", customers.Where(c => c.Remaining > 0).ToList(), async (customer, token) =>
        {
            var payment = await money.SendC2bAsync(customer.Phone, customer.Phone, Funding(customer), cancellationToken: token);
            if (!payment.Accepted)
            {
                throw new GatewayRefusedException($"the Gateway refused the M-Pesa payment {payment.TransId} for {customer.Phone}: {payment.Validation?.Body}");
            }
        }, cancellationToken);

        var until = time.GetUtcNow() + FundingWait;
        await EachAsync("wallets", customers.Where(c => c.Remaining > 0).ToList(), async (customer, token) =>
        {
            while (await gateway.WalletBalanceAsync(customer.Phone, token) < Funding(customer))
            {
                if (time.GetUtcNow() > until)
                {
                    throw new TimeoutException(
                        $"the wallet of {customer.Phone} did not show the KES {Funding(customer)} payment within {FundingWait.TotalMinutes:0} minutes");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), time, token);
            }
        }, cancellationToken);
    }

    private async Task EachAsync(string stage, List<LoadCustomer> customers, Func<LoadCustomer, CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        observer.Begin(stage, customers.Count);
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = settings.ProvisioningConcurrency, CancellationToken = cancellationToken },
            async (customer, token) =>
            {
                await step(customer, token);
                observer.Advance(stage);
            });
    }
}
