using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Issuance;

/// <summary>Issuance against one database provider; each provider runs the whole suite.</summary>
public abstract class TokenIssuerTests(DatabaseProvider provider) : KeyAuthorityTest(provider)
{
    [Fact]
    public async Task Issue_Credit_DecodesWithTheMetersKeyToTheAmountAndNow()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var result = await IssueAsync(meter, 25.6m);

        var token = Assert.Single(result.Issued!.Tokens);
        var decoded = TokenDecoder.Decode(StsToken.Parse(token.Digits), TestKeyAuthority.Cipher(meter));
        Assert.True(decoded.CrcOk);
        Assert.Equal((0, 0, 25.6m), (decoded.Class, decoded.Subclass, decoded.Amount!.Value));
        Assert.Equal(TokenIdentifier.FromTime(Authority.Clock.GetUtcNow(), BaseDate.Year2014), decoded.Tid);
        Assert.Equal((decoded.Tid, 25.6m, "credit"), (token.Tid, token.Amount, token.Purpose));
    }

    [Fact]
    public async Task Issue_SameRequestIdTwice_ReturnsTheSameTokensAndUsesNoNewTid()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        var request = Request(meter, 10m);

        var first = await Issuer.IssueAsync(request);
        Authority.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Issuer.IssueAsync(request);
        var next = await IssueAsync(meter, 10m);

        Assert.Equal(first.Issued!.Tokens, second.Issued!.Tokens);
        Assert.Equal(first.Issued.IssuedAt, second.Issued.IssuedAt);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM ka_audit WHERE request_id = @id", new { id = request.RequestId.ToString("N") }));
        Assert.Equal(first.Issued.Tokens[0].Tid + 5, next.Issued!.Tokens[0].Tid);
    }

    [Fact]
    public async Task Issue_SameRequestIdManyTimesAtOnce_IssuesOnceAndAnswersEachWithTheSameTokens()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        var request = Request(meter, 10m);

        // Those queued while the writer commits share its next batch, so repeats meet both in one batch and across batches.
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Issuer.IssueAsync(request)));
        var next = await IssueAsync(meter, 10m);

        var tokens = results[0].Issued!.Tokens;
        Assert.All(results, result => Assert.Equal(tokens, result.Issued!.Tokens));
        var id = new { id = request.RequestId.ToString("N") };
        Assert.Equal((1, 1), (await CountAsync("SELECT COUNT(*) FROM ka_requests WHERE request_id = @id", id),
            await CountAsync("SELECT COUNT(*) FROM ka_audit WHERE request_id = @id", id)));
        Assert.Equal(tokens[0].Tid + 1, next.Issued!.Tokens[0].Tid);
        Assert.True((await Authority.Get<KeyAuthority.Audit.AuditLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Issue_SeveralInOneMinute_TakeTheNextFreeMinutesAndThenNowAgain()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];
        var now = TokenIdentifier.FromTime(Authority.Clock.GetUtcNow(), BaseDate.Year2014);

        var tids = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            tids.Add((await IssueAsync(meter, 1m)).Issued!.Tokens[0].Tid);
        }

        Authority.Clock.Advance(TimeSpan.FromMinutes(10));
        tids.Add((await IssueAsync(meter, 1m)).Issued!.Tokens[0].Tid);

        Assert.Equal([now, now + 1, now + 2, now + 10], tids);
    }

    [Fact]
    public async Task Issue_ConcurrentRequestsForOneMeter_NeverShareATid()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => IssueAsync(meter, 1m)));

        var tids = results.Select(r => r.Issued!.Tokens[0].Tid).ToList();
        Assert.Equal(tids.Count, tids.Distinct().Count());
        Assert.True((await Authority.Get<KeyAuthority.Audit.AuditLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Issue_ManagementToken_CarriesTheFunctionAndValue()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var result = await Issuer.IssueAsync(new IssueToken(Guid.NewGuid(), meter, TokenOperation.SetMaximumPowerLimit, 5000m, "engineer"));

        var decoded = TokenDecoder.Decode(StsToken.Parse(result.Issued!.Tokens[0].Digits), TestKeyAuthority.Cipher(meter));
        Assert.Equal((2, 0, 5000m), (decoded.Class, decoded.Subclass, decoded.Amount!.Value));
    }

    [Theory]
    [InlineData("01234567890", TokenRejection.UnknownMeter, "the last would be 7")]
    [InlineData("0888-8888-880", TokenRejection.UnknownMeter, "the last would be 3")]
    [InlineData("99999999990", TokenRejection.UnknownMeter, "no meter 99999999990")]
    public async Task Issue_UnknownMeter_IsRejectedWithAHint(string meter, TokenRejection reason, string hint)
    {
        await Authority.AddStsMetersAsync(1);

        var result = await IssueAsync(meter, 10m);

        Assert.Equal(reason, result.Rejected!.Reason);
        Assert.Contains(hint, result.Rejected.Message);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_requests", null));
    }

    [Theory]
    [InlineData(TokenOperation.Credit, 0)]
    [InlineData(TokenOperation.Credit, -5)]
    [InlineData(TokenOperation.Credit, 2_000_000)]
    [InlineData(TokenOperation.ClearCredit, 70_000)]
    [InlineData(TokenOperation.SetTariffRate, 1.5)]
    public async Task Issue_AmountOutOfRange_IsRejectedAndWritesNothing(TokenOperation operation, double amount)
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var result = await Issuer.IssueAsync(new IssueToken(Guid.NewGuid(), meter, operation, (decimal)amount, "test"));

        Assert.Equal(TokenRejection.AmountOutOfRange, result.Rejected!.Reason);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_requests", null));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_meters WHERE last_tid IS NOT NULL", null));
    }

    [Fact]
    public async Task Issue_OpenPaygoOperationOnStsMeter_IsUnsupported()
    {
        var meter = (await Authority.AddStsMetersAsync(1))[0];

        var result = await Issuer.IssueAsync(new IssueToken(Guid.NewGuid(), meter, TokenOperation.DisablePayg, 0, "test"));

        Assert.Equal(TokenRejection.UnsupportedOperation, result.Rejected!.Reason);
    }

    [Fact]
    public async Task Issue_NoVendingKeyForTheMeter_IsRejectedAsKeyUnavailable()
    {
        await Authority.Get<KeyAuthority.Meters.MeterStore>().RegisterAsync(new RegisterMeterKey
        {
            MeterNumber = MeterNumber.Create("0555555555").Digits, SupplyGroupCode = 654321, TariffIndex = 1,
        });

        var result = await IssueAsync(MeterNumber.Create("0555555555").Digits, 1m);

        Assert.Equal(TokenRejection.KeyUnavailable, result.Rejected!.Reason);
    }

    private protected TokenIssuer Issuer => Authority.Get<TokenIssuer>();

    protected static IssueToken Request(string meter, decimal amount) => new(Guid.NewGuid(), meter, TokenOperation.Credit, amount, "test");

    protected Task<IssueResult> IssueAsync(string meter, decimal amount) => Issuer.IssueAsync(Request(meter, amount));

    protected async Task<long> CountAsync(string sql, object? parameters)
    {
        await using var connection = await Authority.Get<KeyAuthorityDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}

public sealed class SqliteTokenIssuerTests() : TokenIssuerTests(DatabaseProvider.Sqlite);

public sealed class PostgresTokenIssuerTests() : TokenIssuerTests(DatabaseProvider.Postgres);
