using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Customers;
using SmsVending.Vending.Messaging;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Payments;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Tariffs;

namespace SmsVending.Vending.Tests.Support;

/// <summary>Vending and the real KeyAuthority in one process on MassTransit's test harness, each over its own fresh database.</summary>
internal sealed class TestVending : IAsyncDisposable
{
    public const int SupplyGroup = 123456;
    public static readonly byte[] VendingKey = Convert.FromHexString("ABABABABABABABAB");

    private readonly TestDatabase vendingDatabase;
    private readonly TestDatabase keyDatabase;

    private TestVending(ServiceProvider services, FakeTimeProvider clock, TestDatabase vendingDatabase, TestDatabase keyDatabase) =>
        (Services, Clock, this.vendingDatabase, this.keyDatabase) = (services, clock, vendingDatabase, keyDatabase);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts both services; with <paramref name="keyAuthorityOnline"/> false nobody answers token requests.</summary>
    /// <remarks>
    /// The harness starts registered hosted services, and the charge sweeper ticks on the fake clock: it runs only
    /// when <paramref name="backgroundServices"/> asks for it, so advancing the clock by days stays cheap.
    /// </remarks>
    public static async Task<TestVending> StartAsync(DatabaseProvider provider, bool keyAuthorityOnline = true,
        (TestDatabase Vending, TestDatabase Keys)? reuse = null, FakeTimeProvider? clock = null, bool backgroundServices = false)
    {
        var vending = reuse?.Vending ?? await TestDatabase.CreateAsync(provider);
        var keys = reuse?.Keys ?? await TestDatabase.CreateAsync(provider);
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vending:Provider"] = provider.ToString(),
            ["Vending:ConnectionString"] = vending.ConnectionString,
            // Only an offline KeyAuthority is waited out, so only then is the wait short: an online one slowed by a loaded
            // machine (its Argon2id check, a synced write) must still answer in time.
            ["Vending:KeyAuthorityTimeout"] = keyAuthorityOnline ? "00:00:30" : "00:00:01",
            ["KeyAuthority:Provider"] = provider.ToString(),
            ["KeyAuthority:ConnectionString"] = keys.ConnectionString,
            ["KeyAuthority:MasterKeyFile"] = Path.Combine(keys.Folder, "master.key"),
            ["KeyAuthority:CreateMasterKey"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddKeyAuthority(configuration).AddVending(configuration);
        if (!backgroundServices)
        {
            services.RemoveAll<IHostedService>();
        }

        services.AddTestHarness(bus =>
        {
            bus.AddVendingConsumers();
            if (keyAuthorityOnline)
            {
                bus.AddKeyAuthorityConsumers();
            }
        });
        var provider1 = services.BuildServiceProvider();
        provider1.GetRequiredService<VendingDatabase>().Migrate();
        await KeyAuthorityStartup.RunAsync(provider1.GetRequiredService<KeyAuthorityDatabase>(), provider1.GetRequiredService<KeySealer>());
        await provider1.GetRequiredService<ITestHarness>().Start();
        return new TestVending(provider1, clock, vending, keys);
    }

    /// <summary>The same databases and clock, as after a restart (optionally with the KeyAuthority back).</summary>
    public async Task<TestVending> RestartAsync(bool keyAuthorityOnline = true)
    {
        await Harness.Stop();
        await Services.DisposeAsync();
        return await StartAsync(vendingDatabase.Provider, keyAuthorityOnline, (vendingDatabase, keyDatabase), Clock);
    }

    /// <summary>Another Vending and KeyAuthority over the same databases and clock, as a second instance of each competing for
    /// the same queues.</summary>
    public Task<TestVending> SecondInstanceAsync() => StartAsync(vendingDatabase.Provider, true, (vendingDatabase, keyDatabase), Clock);

    /// <summary>The demo tariff, the vending key, and a customer who owns <paramref name="meterCount"/> meters.</summary>
    public async Task<(Customer Customer, string[] Meters)> SeedAsync(string phone = "+254712345678", int meterCount = 1, string? pin = null, int firstSerial = 1)
    {
        var customer = await Get<CustomerStore>().RegisterAsync(phone, "Wanjiku", pin: pin);
        var meters = new string[meterCount];
        for (var i = 0; i < meterCount; i++)
        {
            meters[i] = await AddMeterAsync(firstSerial + i);
            await Get<MeterRegistry>().BindAsync(customer.Id, meters[i], BindingRole.Owner);
        }

        return (customer, meters);
    }

    /// <summary>A meter known to both services (with the demo tariff and vending key), linked to nobody.</summary>
    public async Task<string> AddMeterAsync(int serial, string? registrationCode = null)
    {
        if (await Get<TariffStore>().FindAsync("DOMESTIC") is null)
        {
            await Get<TariffStore>().SaveAsync(PricingTests.Domestic);
            await Get<VendingKeyStore>().ImportAsync(new VendingKeyId(SupplyGroup, 1, KeyType.Unique, 2), (byte[])VendingKey.Clone());
        }

        var meter = MeterNumber.Create($"0{serial:D9}").Digits;
        await RegisterKeyAsync(meter, registrationCode);
        await Get<MeterRegistry>().AddAsync(meter, "electricity", TokenProfile.Sts, "DOMESTIC");
        return meter;
    }

    /// <summary>Registers a meter with the KeyAuthority (the demo supply group, tariff index 1), so it can make the meter's tokens.</summary>
    public async Task RegisterKeyAsync(string meter, string? registrationCode = null)
    {
        await Get<KeyAuthority.Meters.MeterStore>().RegisterAsync(new RegisterMeterKey
        {
            MeterNumber = meter, SupplyGroupCode = SupplyGroup, TariffIndex = 1, RegistrationCode = registrationCode,
        });
    }

    /// <summary>A wallet top-up by mobile money (account reference: the phone).</summary>
    public async Task TopUpAsync(string phone, decimal amount, string? transactionId = null)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PaymentService>().ReceiveAsync(
            new PaymentReceived(transactionId ?? Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), phone, phone, amount, "KES", "{}"));
    }

    public async Task<PurchaseOutcome> BuyAsync(PurchaseRequested request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PurchaseService>().PurchaseAsync(request);
    }

    public async Task<Answer<MeterLinked, MeterLinkRefused>> LinkAsync(string phone, string meter, string code)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MeterLinkService>().LinkAsync(new LinkMeter("SM" + Guid.NewGuid().ToString("N"), phone, meter, code));
    }

    public static PurchaseRequested Sms(string phone, string? meter, decimal amount, string? pin = null, string? key = null) => new()
    {
        IdempotencyKey = key ?? "SM" + Guid.NewGuid().ToString("N"), Phone = phone, MeterNumber = meter, Amount = amount, Pin = pin, Channel = "sms",
    };

    public async Task<Money> WalletAsync(string customerId) => await Get<PurchaseStore>().WalletAsync(customerId, "KES", default);

    /// <summary>The meter number with its check digit off by one, as a customer might mistype it.</summary>
    public static string Mistyped(string meter) => meter[..^1] + (char)('0' + ((meter[^1] - '0' + 1) % 10));

    /// <summary>The meter's decoder key, derived here independently.</summary>
    public static TokenCipher Cipher(string meter) => TokenCipher.Create(
        DecoderKeyGeneration.Dkga02(VendingKey, new KeyIdentity(MeterNumber.Parse(meter), SupplyGroup, 1, 1, KeyType.Unique, BaseDate.Year2014)), EncryptionAlgorithm.Ea07);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
        await vendingDatabase.DisposeAsync();
        await keyDatabase.DisposeAsync();
    }
}
