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
public sealed class CrashRecoveryTests : VendingTest
{
    private const string Phone = "+254712345678";

    [Fact]
    public async Task CrashAfterTheKeyAuthorityIssued_BeforeVendingRecorded_ResumesWithTheSameTokens()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 500m);
        // Paid, then the KeyAuthority issued, then Vending died before storing the tokens.
        App = await App.RestartAsync(keyAuthorityOnline: false);
        var pending = await App.BuyAsync(request);
        var purchaseId = pending.Rejected!.PurchaseId;
        var issuedBeforeCrash = await App.Get<TokenIssuer>().IssueAsync(new IssueToken(purchaseId, meters[0], TokenOperation.Credit, 28.7m, "vending"));

        App = await App.RestartAsync();
        var resumed = await App.BuyAsync(request);

        Assert.Equal(issuedBeforeCrash.Issued!.Tokens, resumed.Issued!.Tokens);
        Assert.Equal(1000m - resumed.Issued.Receipt.Charged, (await App.WalletAsync(customer.Id)).Amount);
        Assert.True((await App.Get<KeyAuthority.Audit.AuditLog>().VerifyAsync()).Entries == 1);
        Assert.True((await App.Get<Reconciliation>().CheckAsync()).Balanced);
    }

    [Fact]
    public async Task CrashWithThePurchaseStoredBeforePayment_TheNextDeliveryPaysOnce()
    {
        var (customer, meters) = await App.SeedAsync();
        await App.TopUpAsync(Phone, 1000m);
        var request = TestVending.Sms(Phone, meters[0], 300m);
        // The purchase was stored, still requested, then the process died.
        var store = App.Get<PurchaseStore>();
        var made = (await store.ReadAsync(request, Phone, "KES", default)).Purchase;
        Assert.True(await store.MoveAsync(made, PurchaseStatus.Requested, PurchaseStatus.Requested, default));

        App = await App.RestartAsync();
        var outcome = await App.BuyAsync(request);

        Assert.NotNull(outcome.Issued);
        await using var connection = await App.Get<VendingDatabase>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM vd_purchases WHERE idempotency_key = @k", new { k = request.IdempotencyKey }));
        Assert.Equal(1000m - outcome.Issued.Receipt.Charged, (await App.WalletAsync(customer.Id)).Amount);
    }
}
