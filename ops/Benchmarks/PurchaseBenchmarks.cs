using BenchmarkDotNet.Attributes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Payments;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Tariffs;

namespace SmsVending.Benchmarks;

/// <summary>Whole purchases through Vending and the KeyAuthority in one process on SQLite: price, debit, token, record.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class PurchaseBenchmarks
{
    private const int Customers = 500;
    private const int PurchasesPerInvocation = 1000;
    private BenchmarkHost host = null!;
    private string[] phones = [];

    /// <summary>Purchases in flight at once, as the bus delivers them to Vending's consumers.</summary>
    [Params(16, 128)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => host.Dispose();

    /// <summary>Op/s is completed purchases per second.</summary>
    [Benchmark(OperationsPerInvoke = PurchasesPerInvocation)]
    public async Task Purchases()
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= PurchasesPerInvocation)
            {
                using var scope = host.Services.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<PurchaseService>().PurchaseAsync(new PurchaseRequested
                {
                    IdempotencyKey = "SM" + Guid.CreateVersion7().ToString("N"), Phone = phones[i % Customers], Amount = 200m, Channel = "sms",
                });
                GC.KeepAlive(outcome.Issued ?? throw new InvalidOperationException(outcome.Rejected!.Message));
            }
        }));
    }

    private async Task SetupAsync()
    {
        host = new BenchmarkHost(withVending: true);
        var services = host.Services;
        await services.GetRequiredService<TariffStore>().SaveAsync(new Tariff("FLAT", "KES", [new TariffBlock(null, 20m)], 0.16m, 0m, 0m, 10m, 100_000m));
        await services.GetRequiredService<KeyAuthority.Keys.VendingKeyStore>().GenerateAsync(new KeyAuthority.Keys.VendingKeyId(123456, 1, KeyType.Unique, 2));
        var register = services.GetRequiredService<IRequestClient<RegisterMeterKey>>();
        phones = [.. Enumerable.Range(1, Customers).Select(i => $"+2547{i:D8}")];
        for (var i = 0; i < Customers; i++)
        {
            var meter = MeterNumber.Create($"0{i + 1:D9}").Digits;
            var customer = await services.GetRequiredService<CustomerStore>().RegisterAsync(phones[i], $"Customer {i}");
            await register.GetResponse<MeterKeyRegistered>(new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = 123456, TariffIndex = 1 });
            await services.GetRequiredService<MeterRegistry>().AddAsync(meter, "electricity", TokenProfile.Sts, "FLAT");
            await services.GetRequiredService<MeterRegistry>().BindAsync(customer.Id, meter, BindingRole.Owner);
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PaymentService>().ReceiveAsync(new PaymentReceived($"TOPUP{i}", phones[i], phones[i], 1_000_000m, "KES", "{}"));
        }
    }
}
