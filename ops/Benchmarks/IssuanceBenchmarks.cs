using BenchmarkDotNet.Attributes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Benchmarks;

/// <summary>Durable credit tokens through the KeyAuthority's request path: in-memory bus, SQLite (synchronous=FULL), TID and audit persisted.</summary>
/// <remarks>
/// Three warm-up rounds of 10,000 requests: the issuing path runs at about half speed until tiered compilation has
/// finished with it (some 20,000 tokens after start), and a server lives in the state after that.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5, invocationCount: 1)]
public class IssuanceBenchmarks
{
    private const int Meters = 1000;
    private const int RequestsPerInvocation = 10_000;
    private BenchmarkHost host = null!;
    private IRequestClient<IssueToken> client = null!;
    private string[] meters = [];

    /// <summary>Requests in flight at once, as several Vending consumers would send them.</summary>
    [Params(1, 16, 128)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        host = new BenchmarkHost(withVending: false);
        client = host.Services.GetRequiredService<IRequestClient<IssueToken>>();

        var register = host.Services.GetRequiredService<IRequestClient<RegisterMeterKey>>();
        var keys = host.Services.GetRequiredService<KeyAuthority.Keys.VendingKeyStore>();
        keys.GenerateAsync(new KeyAuthority.Keys.VendingKeyId(123456, 1, KeyType.Unique, 2)).GetAwaiter().GetResult();
        meters = [.. Enumerable.Range(1, Meters).Select(i => MeterNumber.Create($"0{i:D9}").Digits)];
        foreach (var meter in meters)
        {
            register.GetResponse<MeterKeyRegistered>(new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = 123456, TariffIndex = 1 }).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.Dispose();

    /// <summary>The same straight into the issuer, without the bus: what the store itself sustains.</summary>
    [Benchmark(OperationsPerInvoke = RequestsPerInvocation)]
    public Task CreditTokensWithoutBus()
    {
        var issuer = host.Services.GetRequiredService<KeyAuthority.Issuance.TokenIssuer>();
        return Run(async i => GC.KeepAlive((await issuer.IssueAsync(new IssueToken(Guid.CreateVersion7(), meters[i % Meters], TokenOperation.Credit, 10m, "bench"))).Issued!.Tokens[0]));
    }

    /// <summary>Issues a batch of credit tokens through the bus; Op/s is durable tokens per second.</summary>
    [Benchmark(OperationsPerInvoke = RequestsPerInvocation)]
    public Task CreditTokens() =>
        Run(async i => GC.KeepAlive((await client.GetResponse<TokenSetIssued>(new IssueToken(Guid.CreateVersion7(), meters[i % Meters], TokenOperation.Credit, 10m, "bench"))).Message.Tokens[0]));

    private async Task Run(Func<int, Task> issue)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= RequestsPerInvocation)
            {
                await issue(i);
            }
        }));
    }
}
