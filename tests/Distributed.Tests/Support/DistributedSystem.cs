using Npgsql;
using SmsVending.Testing;

namespace SmsVending.Distributed.Tests.Support;

/// <summary>The distributed system of one test, started by ops/distributed.sh: its own virtual host, databases, state folder and
/// ports, so runs never meet; cleaned away (processes, databases, virtual host, files) when disposed, also after a failure.</summary>
internal sealed class DistributedSystem : IAsyncDisposable
{
    // A start may wait for a server's first boot (up to 3 minutes for RabbitMQ) and then for each service.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The ports of the private servers a system may run on (ops/postgres.sh and ops/rabbitmq.sh make them on first use).</summary>
    private const int PrivatePostgresPort = 5433, PrivateRabbitMqPort = 5673;

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

    /// <summary>Starts a system; with <paramref name="privateServers"/> on a PostgreSQL and a RabbitMQ of its own (ports 5433, 5673),
    /// which it may then restart without disturbing anything else on the machine.</summary>
    /// <param name="settings">Configuration for the services, as environment variables (e.g. Gateway__MaxOpenPurchases).</param>
    public static async Task<DistributedSystem> StartAsync(int vending = 1, int keyAuthority = 1, bool privateServers = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "smsvending-distributed", name);
        var (gatewayPort, phonesPort, moneyPort) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        var system = new DistributedSystem(new Dictionary<string, string>
        {
            ["SMSVENDING_DIST_DIR"] = folder, ["SMSVENDING_DIST_NAME"] = name,
            ["SMSVENDING_DIST_VENDING"] = $"{vending}", ["SMSVENDING_DIST_KEYAUTHORITY"] = $"{keyAuthority}",
            ["SMSVENDING_DIST_PORT"] = $"{gatewayPort}", ["SMSVENDING_DIST_PHONES_URL"] = $"http://127.0.0.1:{phonesPort}",
            ["SMSVENDING_DIST_MONEY_URL"] = $"http://127.0.0.1:{moneyPort}",
            ["SMSVENDING_DIST_BUILD"] = "0", ["SMSVENDING_DIST_CONFIGURATION"] = Repository.Configuration, // this test's build built them
        }, name, folder, gatewayPort, phonesPort, moneyPort);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            system.environment[key] = value; // ops/distributed.sh starts the services with its own environment
        }

        if (privateServers)
        {
            system.environment["SMSVENDING_POSTGRES_PORT"] = $"{PrivatePostgresPort}";
            system.environment["SMSVENDING_RABBITMQ_PORT"] = $"{PrivateRabbitMqPort}";
        }

        try
        {
            await system.ScriptSucceedsAsync("start");
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>`ops/distributed.sh revive`: starts again only the services that died, on the servers of the last start, and returns
    /// once everything answers; without the servers' scripts, so a killed service is back seconds sooner than with start.</summary>
    public Task ReviveAsync() => ScriptSucceedsAsync("revive");

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public void Kill(string service)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Folder, $"{service}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill(); // SIGKILL on Unix
        process.WaitForExit();
    }

    /// <summary>Stops and starts the system's PostgreSQL (ops/postgres.sh); only for a system on private servers.</summary>
    public Task RestartPostgresAsync() => RestartServerAsync("postgres.sh", "SMSVENDING_POSTGRES_PORT");

    /// <summary>Stops and starts the system's RabbitMQ (ops/rabbitmq.sh); only for a system on private servers.</summary>
    public Task RestartRabbitMqAsync() => RestartServerAsync("rabbitmq.sh", "SMSVENDING_RABBITMQ_PORT");

    private async Task RestartServerAsync(string script, string privatePort)
    {
        Assert.True(environment.ContainsKey(privatePort), "only a system on private servers restarts them: the shared ones serve others");
        // One script run, so no second script start-up lengthens the outage: the webhook rides out about 15 s of a database down,
        // and every second of a broker down is a second more that purchases in flight wait.
        var run = await Command.RunAsync("bash", [Path.Combine(Repository.Root, "ops", script), "restart"], environment, ScriptTimeout);
        Assert.True(run.ExitCode == 0, $"ops/{script} restart failed, {run}");
    }

    /// <summary>The `demo` story of the meter emulator, as its own process against this system.</summary>
    public Task<CommandResult> DemoAsync() => Command.RunAsync("dotnet",
        [Repository.Dll("MeterEmulator"), "demo", "--gateway", GatewayUrl.AbsoluteUri, "--credentials", CredentialsFile, "--phones-url", PhonesUrl, "--money-url", MoneyUrl],
        new Dictionary<string, string>(), TimeSpan.FromMinutes(3));

    /// <summary>A connection to one of the services' databases (gateway, vending, keyauthority), to check what they stored.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string service)
    {
        var connection = new NpgsqlConnection(ConnectionString(service));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The connection string of one of the services' databases, unpooled.</summary>
    public string ConnectionString(string service)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SMSVENDING_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=smsvending;Password=smsvending;Database=smsvending_test") { Database = $"{Name}_{service}", Pooling = false };
        if (environment.TryGetValue("SMSVENDING_POSTGRES_PORT", out var port))
        {
            admin.Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture);
        }

        return admin.ConnectionString;
    }

    /// <summary>A service's log so far, for failure messages.</summary>
    public string Log(string service) => File.Exists(Path.Combine(Folder, $"{service}.log")) ? File.ReadAllText(Path.Combine(Folder, $"{service}.log")) : "(no log)";

    /// <summary>For a failure message: the queues and the end of every service's log.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var queues = await Command.RunAsync("bash", [Path.Combine(Repository.Root, "ops", "rabbitmq.sh"), "queues", Name], environment, TimeSpan.FromMinutes(1));
        var logs = Directory.GetFiles(Folder, "*.log").Select(f => $"--- {Path.GetFileName(f)}, its errors:\n{Failures(File.ReadAllLines(f))}");
        return $"--- queues:\n{queues.Output}\n{string.Join('\n', logs)}";
    }

    /// <summary>The last few errors of a log, each with the lines that say what failed (no stack frames).</summary>
    private static string Failures(string[] lines)
    {
        var failures = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal))
            .Select(l => string.Join('\n', lines.Skip(l.i).Take(4).Where(x => !x.TrimStart().StartsWith("at ", StringComparison.Ordinal))));
        return string.Join('\n', failures.TakeLast(20));
    }

    public async ValueTask DisposeAsync() => await ScriptSucceedsAsync("clean");

    private async Task ScriptSucceedsAsync(string verb)
    {
        var result = await ScriptAsync(verb, environment);
        Assert.True(result.ExitCode == 0, $"ops/distributed.sh {verb} failed, {result}");
    }

    /// <summary>Runs ops/distributed.sh with <paramref name="verb"/> and the given environment.</summary>
    public static Task<CommandResult> ScriptAsync(string verb, IReadOnlyDictionary<string, string> environment) =>
        Command.RunAsync("bash", [Path.Combine(Repository.Root, "ops", "distributed.sh"), verb], environment, ScriptTimeout);
}
