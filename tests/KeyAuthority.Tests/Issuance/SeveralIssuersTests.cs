using SmsVending.Testing;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Issuance;

/// <summary>Several KeyAuthority instances (own connection pools) sharing one PostgreSQL database, as competing consumers do.</summary>
public sealed class SeveralIssuersTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly List<TestKeyAuthority> instances = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        for (var i = 0; i < 3; i++)
        {
            instances.Add(await TestKeyAuthority.StartAsync(database));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRequests_OnThreeInstances_GiveUniqueTidsPerMeterOneAnswerPerRequestAndOneChain()
    {
        var meters = await instances[0].AddStsMetersAsync(3);
        var requests = Enumerable.Range(0, 90).Select(i => new IssueToken(Guid.NewGuid(), meters[i % 3], TokenOperation.Credit, 1, "vending")).ToList();

        // Every request goes to two instances at once, like a redelivery racing the first delivery.
        var results = await Task.WhenAll(requests.SelectMany((r, i) => new[]
        {
            instances[i % 3].Get<TokenIssuer>().IssueAsync(r),
            instances[(i + 1) % 3].Get<TokenIssuer>().IssueAsync(r),
        }));

        Assert.All(results, r => Assert.True(r.IsIssued, r.Rejected?.Message));
        var byRequest = results.GroupBy(r => r.Issued!.RequestId).ToList();
        Assert.Equal(90, byRequest.Count);
        Assert.All(byRequest, g => Assert.Single(g.Select(r => r.Issued!.Tokens[0].Digits).Distinct()));
        foreach (var meter in byRequest.GroupBy(g => g.First().Issued!.MeterNumber))
        {
            var tids = meter.Select(g => g.First().Issued!.Tokens[0].Tid).ToList();
            Assert.Equal(tids.Count, tids.Distinct().Count());
        }

        var audit = await instances[2].Get<KeyAuthority.Audit.AuditLog>().VerifyAsync();
        Assert.True(audit.Intact, audit.Finding);
        Assert.Equal(90, audit.Entries);
    }
}
