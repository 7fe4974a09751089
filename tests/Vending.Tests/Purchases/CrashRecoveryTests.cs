using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Purchases;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Purchases;

/// <summary>The process dies between steps; the next delivery finishes the purchase with one debit and one token set.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const string Phone = "+254712345678";
    private TestVending system = null!;

    public async Task InitializeAsync() => system = await TestVending.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await system.DisposeAsync();

    [Fact]
    public async Task CrashAfterTheKeyAuthorityIssued_BeforeVendingRecorded_ResumesWithTheSameTokens()
    {
        var (customer, meters) = await system.SeedAsync();
        await system.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 500m);
        // Paid, then the KeyAuthority issued, then Vending died before storing the tokens.
        system = await system.RestartAsync(keyAuthorityOnline: false);
        var pending = await system.BuyAsync(request);
        var purchaseId = pending.Rejected!.PurchaseId;
        var issuedBeforeCrash = await system.Get<TokenIssuer>().IssueAsync(new IssueToken(purchaseId, meters[0], TokenOperation.Credit, 28.7m, "vending"));

        system = await system.RestartAsync();
        var resumed = await system.BuyAsync(request);

        Assert.Equal(issuedBeforeCrash.Issued!.Tokens, resumed.Issued!.Tokens);
        Assert.Equal(1000m - resumed.Issued.Receipt.Charged, (await system.WalletAsync(customer.Id)).Amount);
        Assert.True((await system.Get<KeyAuthority.Audit.AuditLog>().VerifyAsync()).Entries == 1);
        Assert.True((await system.Get<Reconciliation>().CheckAsync()).Balanced);
    }

    [Fact]
    public async Task CrashAfterClaimBeforePayment_TheNextDeliveryPaysOnce()
    {
        var (customer, meters) = await system.SeedAsync();
        await system.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);
        await system.Get<PurchaseStore>().ClaimAsync(request, "KES", default); // the claim committed, then the process died

        system = await system.RestartAsync();
        var outcome = await system.BuyAsync(request);

        Assert.NotNull(outcome.Issued);
        await using var connection = await system.Get<VendingDatabase>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM vd_purchases WHERE idempotency_key = @k", new { k = request.IdempotencyKey }));
        Assert.Equal(1000m - outcome.Issued.Receipt.Charged, (await system.WalletAsync(customer.Id)).Amount);
    }
}
