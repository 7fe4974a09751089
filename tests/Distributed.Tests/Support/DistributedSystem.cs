using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SmsVending.Distributed.Tests.Support;

/// <summary>The distributed system of one test, started by ops/distributed.sh: its own virtual host, databases, state folder and
/// ports, so runs never meet; cleaned away (processes, databases, virtual host, files) when disposed, also after a failure.</summary>
internal sealed class DistributedSystem : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    private readonly Dictionary<string, string> environment;

    private DistributedSystem(Dictionary<string, string> environment, string name, string folder, int gatewayPort, int phonesPort, int moneyPort)
    {
        (this.environment, Name, Folder) = (environment, name, folder);
        GatewayUrl = new Uri($"http://127.0.0.1:{gatewayPort}");
        (PhonesUrl, MoneyUrl) = ($"http://127.0.0.1:{phonesPort}", $"http://127.0.0.1:{moneyPort}");
    }

    /// <summary>The virtual host and the databases' prefix.</summary>
    public string Name { get; }

    /// <summary>The state folder: pids, logs, credentials.json.</summary>
    public string Folder { get; }

    public Uri GatewayUrl { get; }

    /// <summary>Where the Gateway sends SMS: the emulator's phone network, started by whoever drives the system.</summary>
    public string PhonesUrl { get; }

    public string MoneyUrl { get; }

    public string CredentialsFile => Path.Combine(Folder, "credentials.json");

    public static async Task<DistributedSystem> StartAsync(int vending = 1, int keyAuthority = 1)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "smsvending-distributed", name);
        var (gatewayPort, phonesPort, moneyPort) = (FreePort(), FreePort(), FreePort());
        var system = new DistributedSystem(new Dictionary<string, string>
        {
            ["SMSVENDING_DIST_DIR"] = folder, ["SMSVENDING_DIST_NAME"] = name,
            ["SMSVENDING_DIST_VENDING"] = $"{vending}", ["SMSVENDING_DIST_KEYAUTHORITY"] = $"{keyAuthority}",
            ["SMSVENDING_DIST_PORT"] = $"{gatewayPort}", ["SMSVENDING_DIST_PHONES_URL"] = $"http://127.0.0.1:{phonesPort}",
            ["SMSVENDING_DIST_MONEY_URL"] = $"http://127.0.0.1:{moneyPort}",
            ["SMSVENDING_DIST_BUILD"] = "0", ["SMSVENDING_DIST_CONFIGURATION"] = Repository.Configuration, // this test's build built them
        }, name, folder, gatewayPort, phonesPort, moneyPort);
        try
        {
            await system.StartAgainAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>`ops/distributed.sh start` again: starts whatever is not running, and returns once everything answers.</summary>
    public async Task StartAgainAsync()
    {
        var start = await ScriptAsync("start");
        Assert.True(start.ExitCode == 0, $"ops/distributed.sh start failed, {start}");
    }

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public void Kill(string service)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Folder, $"{service}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill(); // SIGKILL on Unix
        process.WaitForExit();
    }

    /// <summary>The `demo` story of the meter emulator, as its own process against this system.</summary>
    public Task<CommandResult> DemoAsync() => Command.RunAsync("dotnet",
        [Repository.Dll("MeterEmulator"), "demo", "--gateway", GatewayUrl.AbsoluteUri, "--credentials", CredentialsFile, "--phones-url", PhonesUrl, "--money-url", MoneyUrl],
        new Dictionary<string, string>(), TimeSpan.FromMinutes(3));

    /// <summary>A connection to one of the services' databases (gateway, vending, keyauthority), to check what they stored.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string service)
    {
        var admin = Environment.GetEnvironmentVariable("SMSVENDING_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=smsvending;Password=smsvending;Database=smsvending_test";
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = $"{Name}_{service}", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A service's log so far, for failure messages.</summary>
    public string Log(string service) => File.Exists(Path.Combine(Folder, $"{service}.log")) ? File.ReadAllText(Path.Combine(Folder, $"{service}.log")) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        var clean = await ScriptAsync("clean");
        Assert.True(clean.ExitCode == 0, $"ops/distributed.sh clean failed, {clean}");
    }

    private Task<CommandResult> ScriptAsync(string verb) =>
        Command.RunAsync("bash", [Path.Combine(Repository.Root, "ops", "distributed.sh"), verb], environment, ScriptTimeout);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
