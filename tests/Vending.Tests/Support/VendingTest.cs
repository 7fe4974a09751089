using SmsVending.Infrastructure.Storage;

namespace SmsVending.Vending.Tests.Support;

/// <summary>A test class with its own Vending and KeyAuthority over fresh databases.</summary>
public abstract class VendingTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    /// <summary>The running system; a test may replace it with <see cref="TestVending.RestartAsync"/>.</summary>
    internal TestVending App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestVending.StartAsync(provider);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Data every test of the class starts with.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;
}
