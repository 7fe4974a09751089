using SmsVending.Testing;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Tests.Support;

/// <summary>A test class with its own fresh database and a KeyAuthority started on it.</summary>
public abstract class KeyAuthorityTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected TestKeyAuthority Authority { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Authority = await StartAsync(Database);
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await Authority.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>How the class's KeyAuthority is started (override to change its settings or services).</summary>
    protected virtual Task<TestKeyAuthority> StartAsync(TestDatabase database) => TestKeyAuthority.StartAsync(database);

    /// <summary>Data every test of the class starts with.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;
}
