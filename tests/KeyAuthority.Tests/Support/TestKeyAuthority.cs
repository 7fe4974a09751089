using SmsVending.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Tests.Support;

/// <summary>A KeyAuthority wired as in production over a test database, with a fake clock and known keys.</summary>
public sealed class TestKeyAuthority : IAsyncDisposable
{
    public const int SupplyGroup = 123456;
    public static readonly byte[] VendingKey = Convert.FromHexString("ABABABABABABABAB");

    private TestKeyAuthority(ServiceProvider services, FakeTimeProvider clock) => (Services, Clock) = (services, clock);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts one KeyAuthority instance on the database; several may share one.</summary>
    public static async Task<TestKeyAuthority> StartAsync(TestDatabase database, Action<Dictionary<string, string?>>? configure = null,
        DateTimeOffset? now = null, IServiceCollection? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["KeyAuthority:Provider"] = database.Provider.ToString(),
            ["KeyAuthority:ConnectionString"] = database.ConnectionString,
            ["KeyAuthority:MasterKeyFile"] = Path.Combine(database.Folder, "master.key"),
            ["KeyAuthority:CreateMasterKey"] = "true",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        services ??= new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddKeyAuthority(configuration);
        var provider = services.BuildServiceProvider();
        await KeyAuthorityStartup.RunAsync(provider.GetRequiredService<KeyAuthorityDatabase>(), provider.GetRequiredService<KeySealer>());
        return new TestKeyAuthority(provider, clock);
    }

    /// <summary>Imports the test vending key for the supply group and registers STS meters under it.</summary>
    public async Task<string[]> AddStsMetersAsync(int count, BaseDate baseDate = BaseDate.Year2014, int firstSerial = 1)
    {
        var keys = Get<VendingKeyStore>();
        if ((await keys.ListAsync()).Count == 0)
        {
            await keys.ImportAsync(new VendingKeyId(SupplyGroup, 1, KeyType.Unique, 2), (byte[])VendingKey.Clone());
        }

        var meters = Enumerable.Range(firstSerial, count).Select(i => MeterNumber.Create($"0{i:D9}").Digits).ToArray();
        await Get<KeyAuthority.Meters.MeterStore>().RegisterAllAsync([.. meters.Select(m => new RegisterMeterKey
        {
            MeterNumber = m, SupplyGroupCode = SupplyGroup, TariffIndex = 1, KeyRevision = 1, KeyType = KeyType.Unique, BaseDate = baseDate,
        })]);
        return meters;
    }

    /// <summary>A meter's decoder key under the given attributes, derived here independently of the KeyAuthority.</summary>
    public static TokenCipher Cipher(string meter, int tariffIndex = 1, BaseDate baseDate = BaseDate.Year2014, int keyRevision = 1) =>
        TokenCipher.Create(DecoderKeyGeneration.Dkga02(VendingKey, new KeyIdentity(MeterNumber.Parse(meter), SupplyGroup, tariffIndex, keyRevision, KeyType.Unique, baseDate)),
            EncryptionAlgorithm.Ea07);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
