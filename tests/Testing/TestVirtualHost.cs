using System.Diagnostics;

namespace SmsVending.Testing;

/// <summary>A fresh RabbitMQ virtual host for one test (on the broker ops/rabbitmq.sh runs), deleted with everything in it when
/// disposed: queues declared by one test run never meet another's, nor another branch's differently declared ones.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    /// <summary>What ops/rabbitmq.sh sets up; ops/test.sh passes the same in SMSVENDING_TEST_RABBITMQ.</summary>
    private const string LocalRabbitMq = "amqp://smsvending:smsvending@127.0.0.1:5672/";

    private TestVirtualHost(string name, Uri url) => (Name, Url) = (name, url);

    public string Name { get; }

    /// <summary>The AMQP address of the virtual host, for Bus:RabbitMq.</summary>
    public Uri Url { get; }

    public static async Task<TestVirtualHost> CreateAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        var broker = new Uri(Environment.GetEnvironmentVariable("SMSVENDING_TEST_RABBITMQ") ?? LocalRabbitMq);
        var user = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, user, ".*", ".*", ".*");
        return new TestVirtualHost(name, new Uri(broker, "/" + name));
    }

    public async ValueTask DisposeAsync() => await CtlAsync("delete_vhost", Name);

    /// <summary>rabbitmqctl, which the tests may run: ops/test.sh runs as root on the broker's machine.</summary>
    private static async Task CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
