using Dapper;
using SmsVending.Contracts.Vending;
using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Payments;
using SmsVending.Vending.Storage;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Payments;

/// <summary>M-Pesa C2B validation: the meter exists, nothing is blocked and the amount is within its tariff's limits.</summary>
public abstract class PaymentValidationTests(DatabaseProvider provider) : VendingTest(provider)
{
    private string meter = "";

    protected override async Task SeedAsync() => meter = (await App.SeedAsync()).Meters[0];

    [Fact]
    public async Task Check_MeterWithinLimits_IsAccepted()
    {
        var grouped = string.Join(' ', meter.Chunk(4).Select(c => new string(c)));

        var answer = await CheckAsync(grouped, 500m);

        Assert.Equal((true, null), (answer.Accepted, answer.Problem));
    }

    [Fact]
    public async Task Check_RegisteredPhone_IsAcceptedAsAWalletTopUp()
    {
        Assert.True((await CheckAsync("0712345678", 10m)).Accepted);
    }

    [Fact]
    public async Task Check_MistypedMeter_IsUnknownWithACheckDigitHint()
    {
        var answer = await AssertRefusedAsync(TestVending.Mistyped(meter), 500m, MeterAccountProblem.UnknownMeter);

        Assert.Contains($"the last would be {meter[^1]}", answer.Message);
    }

    [Theory]
    [InlineData("UPDATE vd_meters SET status = 'blocked'")]
    [InlineData("UPDATE vd_customers SET status = 'blocked'")]
    public async Task Check_BlockedMeterOrOwner_IsBlocked(string block)
    {
        await using (var connection = await App.Get<VendingDatabase>().OpenAsync())
        {
            await connection.ExecuteAsync(block);
        }

        await AssertRefusedAsync(meter, 500m, MeterAccountProblem.Blocked);
    }

    [Theory]
    [InlineData(49, MeterAccountProblem.BelowMinimum, "50.00")]
    [InlineData(35_001, MeterAccountProblem.AboveMaximum, "35,000.00")]
    public async Task Check_AmountOutsideTheTariffsLimits_NamesTheLimit(decimal amount, MeterAccountProblem problem, string limit)
    {
        var answer = await AssertRefusedAsync(meter, amount, problem);

        Assert.Contains(limit, answer.Message);
    }

    private Task<MeterAccountChecked> CheckAsync(string reference, decimal amount) =>
        App.Get<PaymentValidation>().CheckAsync(new CheckMeterAccount(reference, amount));

    private async Task<MeterAccountChecked> AssertRefusedAsync(string reference, decimal amount, MeterAccountProblem problem)
    {
        var answer = await CheckAsync(reference, amount);

        Assert.Equal((false, problem), (answer.Accepted, answer.Problem));
        return answer;
    }
}

public sealed class SqlitePaymentValidationTests() : PaymentValidationTests(DatabaseProvider.Sqlite);

public sealed class PostgresPaymentValidationTests() : PaymentValidationTests(DatabaseProvider.Postgres);
