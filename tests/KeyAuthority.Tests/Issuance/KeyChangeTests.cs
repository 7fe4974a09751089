using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.KeyChanges;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Issuance;

/// <summary>Key changes and the TID rollover, checked by decoding as a meter would: old key, then new key.</summary>
public abstract class KeyChangeTests(DatabaseProvider provider) : KeyAuthorityTest(provider)
{
    [Fact]
    public async Task Credit_AfterScheduledChange_SendsSectionsUnderTheOldKeyThenCreditUnderTheNew()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        Assert.Equal(1, await Scheduler.ForMeterAsync(meter, new KeyChangePlan(TariffIndex: 2, KeyExpiry: 200)));

        var tokens = (await IssueAsync(meter)).Issued!.Tokens;

        Assert.Equal(["key change 1/2", "key change 2/2", "credit"], tokens.Select(t => t.Purpose));
        var oldKey = TestKeyAuthority.Cipher(meter);
        var newKey = TestKeyAuthority.Cipher(meter, tariffIndex: 2);
        var sections = tokens.Take(2).Select(t => TokenDecoder.Decode(StsToken.Parse(t.Digits), oldKey)).ToList();
        Assert.All(sections, s => Assert.True(s.CrcOk));
        Assert.Equal((2, 200), (sections[1].KeyChange!.TariffIndex!.Value, (sections[0].KeyChange!.KenNibble << 4) | sections[1].KeyChange!.KenNibble));
        var assembled = ((ulong)sections[0].KeyChange!.KeyBits << 32) | sections[1].KeyChange!.KeyBits;
        Assert.Equal(newKey.Encrypt(0x1234), TokenCipher.Create(new DecoderKey(assembled, 64), EncryptionAlgorithm.Ea07).Encrypt(0x1234));
        Assert.True(TokenDecoder.Decode(StsToken.Parse(tokens[2].Digits), newKey).CrcOk);
        Assert.False(TokenDecoder.Decode(StsToken.Parse(tokens[2].Digits), oldKey).CrcOk);
    }

    [Fact]
    public async Task Credit_AfterTheChange_UsesTheNewKeyWithoutSections()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        await Scheduler.ForMeterAsync(meter, new KeyChangePlan(TariffIndex: 2));
        await IssueAsync(meter);

        var tokens = (await IssueAsync(meter)).Issued!.Tokens;

        var token = Assert.Single(tokens);
        Assert.True(TokenDecoder.Decode(StsToken.Parse(token.Digits), TestKeyAuthority.Cipher(meter, tariffIndex: 2)).CrcOk);
    }

    [Fact]
    public async Task ManagementToken_DoesNotTriggerAPendingChange()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        await Scheduler.ForMeterAsync(meter, new KeyChangePlan(TariffIndex: 2));

        var tokens = (await Authority.Get<KeyAuthority.Issuance.TokenIssuer>().IssueAsync(
            new IssueToken(Guid.NewGuid(), meter, TokenOperation.ClearTamper, 0, "test"))).Issued!.Tokens;

        Assert.True(TokenDecoder.Decode(StsToken.Parse(Assert.Single(tokens).Digits), TestKeyAuthority.Cipher(meter)).CrcOk);
    }

    [Fact]
    public async Task ForSupplyGroup_SchedulesEveryMeterInIt()
    {
        var meters = await Authority.AddStsMetersAsync(5);

        Assert.Equal(5, await Scheduler.ForSupplyGroupAsync(TestKeyAuthority.SupplyGroup, new KeyChangePlan(TariffIndex: 3)));
        Assert.Equal(0, await Scheduler.ForSupplyGroupAsync(999_999, new KeyChangePlan(TariffIndex: 3)));
        Assert.All(await Task.WhenAll(meters.Select(IssueAsync)), r => Assert.Equal(3, r.Issued!.Tokens.Count));
    }

    [Fact]
    public async Task KeyChangeToAMissingVendingKey_IsRejectedAndTheChangeStaysPending()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        await Scheduler.ForMeterAsync(meter, new KeyChangePlan(KeyRevision: 2));

        var rejected = await IssueAsync(meter);
        await Authority.Get<KeyAuthority.Keys.VendingKeyStore>().ImportAsync(new(TestKeyAuthority.SupplyGroup, 2, KeyType.Unique, 2), Convert.FromHexString("0123456789ABCDEF"));
        var issued = await IssueAsync(meter);

        Assert.Equal(TokenRejection.KeyUnavailable, rejected.Rejected!.Reason);
        Assert.Equal(3, issued.Issued!.Tokens.Count);
    }

    [Fact]
    public async Task Credit_On1993BaseAfter2024_IsRefusedUntilTheRolloverRuns()
    {
        var meter = (await Authority.AddStsMetersAsync(1, BaseDate.Year1993))[0];

        var refused = await IssueAsync(meter);
        var plan = await Scheduler.PlanRolloverAsync(TimeSpan.FromDays(365));
        var scheduled = await Scheduler.RunRolloverAsync(TimeSpan.FromDays(365));
        var tokens = (await IssueAsync(meter)).Issued!.Tokens;

        Assert.Equal(TokenRejection.RolloverDue, refused.Rejected!.Reason);
        Assert.Contains("rollover", refused.Rejected.Message);
        Assert.Equal([meter], plan.Select(p => p.MeterNumber));
        Assert.Equal(1, scheduled);
        var first = TokenDecoder.Decode(StsToken.Parse(tokens[0].Digits), TestKeyAuthority.Cipher(meter, baseDate: BaseDate.Year1993));
        Assert.True(first.KeyChange!.Rollover);
        var credit = TokenDecoder.Decode(StsToken.Parse(tokens[2].Digits), TestKeyAuthority.Cipher(meter, baseDate: BaseDate.Year2014));
        Assert.Equal(TokenIdentifier.FromTime(Authority.Clock.GetUtcNow(), BaseDate.Year2014), credit.Tid);
        Assert.Empty(await Scheduler.PlanRolloverAsync(TimeSpan.FromDays(365)));
    }

    [Fact]
    public async Task PlanRollover_2014BaseFarFromItsEnd_IsNotPlanned()
    {
        await Authority.AddStsMetersAsync(3);

        Assert.Empty(await Scheduler.PlanRolloverAsync(TimeSpan.FromDays(365)));
    }

    private KeyChangeScheduler Scheduler => Authority.Get<KeyChangeScheduler>();

    private Task<KeyAuthority.Issuance.IssueResult> IssueAsync(string meter) =>
        Authority.Get<KeyAuthority.Issuance.TokenIssuer>().IssueAsync(new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 5m, "test"));
}

public sealed class SqliteKeyChangeTests() : KeyChangeTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeyChangeTests() : KeyChangeTests(DatabaseProvider.Postgres);
