using System.Diagnostics;
using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Cli;
using SmsVending.KeyAuthority.Tests.Cli;
using SmsVending.KeyAuthority.Tests.Support;
using SmsVending.Testing;

namespace SmsVending.KeyAuthority.Tests.Messaging;

/// <summary>`KeyAuthority serve` as its own process on the real RabbitMQ that ops/rabbitmq.sh starts (a virtual host of its own).</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "smsvending-serve", Guid.NewGuid().ToString("N"));
    private TestVirtualHost virtualHost = null!;
    private Process serve = null!;
    private IBusControl bus = null!;
    private string meter = "";

    public async Task InitializeAsync()
    {
        virtualHost = await TestVirtualHost.CreateAsync();
        Directory.CreateDirectory(folder);
        meter = MeterNumber.Create("0123400000").Digits;
        File.WriteAllText(Path.Combine(folder, "vk.hex"), "ABABABABABABABAB");
        File.WriteAllText(Path.Combine(folder, "m.csv"), $"meter,sgc,ti,krn,kt\n{meter},{TestKeyAuthority.SupplyGroup},1,1,2\n");
        Assert.Equal(0, CliRun.Of("keys", "import", "--sgc", $"{TestKeyAuthority.SupplyGroup}", "--krn", "1", "--key-file", Path.Combine(folder, "vk.hex"), "--data", folder).ExitCode);
        Assert.Equal(0, CliRun.Of("meters", "import", Path.Combine(folder, "m.csv"), "--data", folder).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(EngineeringCli).Assembly.Location, "serve", "--data", folder })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Bus__RabbitMq"] = virtualHost.Url.AbsoluteUri;
        serve = Process.Start(start)!;
        serve.OutputDataReceived += (_, _) => { };
        serve.ErrorDataReceived += (_, _) => { };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();

        bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(virtualHost.Url));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await bus.StopAsync();
        serve.Kill(entireProcessTree: true);
        await serve.WaitForExitAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        await virtualHost.DisposeAsync();
    }

    [Fact]
    public async Task Serve_OverRabbitMq_AnswersATokenRequest()
    {
        var request = new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 42m, "vending");
        var client = bus.CreateRequestClient<IssueToken>(RequestTimeout.After(s: 3));

        // Until the served process has bound its queue a request finds no consumer; asking again is safe because
        // the request id makes issuing idempotent.
        Response<TokenSetIssued, TokenRequestRejected>? response = null;
        var deadline = Stopwatch.StartNew();
        while (response is null && deadline.Elapsed < TimeSpan.FromSeconds(90) && !serve.HasExited)
        {
            try
            {
                response = await client.GetResponse<TokenSetIssued, TokenRequestRejected>(request);
            }
            catch (RequestTimeoutException)
            {
            }
        }

        Assert.False(serve.HasExited, $"serve exited with code {(serve.HasExited ? serve.ExitCode : 0)}");
        Assert.NotNull(response);
        Assert.True(response.Value.Is(out Response<TokenSetIssued>? issued));
        var decoded = TokenDecoder.Decode(StsToken.Parse(issued!.Message.Tokens[0].Digits), TestKeyAuthority.Cipher(meter));
        Assert.Equal((true, 42m), (decoded.CrcOk, decoded.Amount));
    }
}
