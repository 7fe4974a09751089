namespace SmsVending.Gateway.Tests.Support;

/// <summary>A temporary data folder per test, removed afterwards.</summary>
public abstract class GatewayTest : IDisposable
{
    /// <summary>The folder the embedded system keeps its files in.</summary>
    protected string Data { get; } = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
