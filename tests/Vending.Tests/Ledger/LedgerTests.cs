using SmsVending.Infrastructure.Storage;
using SmsVending.Vending.Ledger;
using SmsVending.Vending.Meters;
using SmsVending.Vending.Tariffs;
using SmsVending.Vending.Tests.Support;

namespace SmsVending.Vending.Tests.Ledger;

public sealed class LedgerTests : VendingTest
{

    [Fact]
    public async Task RandomTopUpsPurchasesAndDebts_KeepTheBooksBalancedAndWalletsExact()
    {
        var random = new Random(7);
        var customers = new[] { await App.SeedAsync("+254711000001", 1, firstSerial: 1), await App.SeedAsync("+254711000002", 1, firstSerial: 2) };
        var expected = new decimal[2];
        await App.Get<MeterRegistry>().AddDebtAsync(customers[1].Meters[0], Money.Of(800m, "KES"), "arrears-2025");
        for (var step = 0; step < 60; step++)
        {
            var who = random.Next(2);
            var phone = customers[who].Customer.Phone;
            if (random.Next(3) == 0)
            {
                var amount = random.Next(1, 500) * 10m;
                await App.TopUpAsync(phone, amount);
                expected[who] += amount;
            }
            else
            {
                var outcome = await App.BuyAsync(TestVending.Sms(phone, null, random.Next(15, 120) * 10m));
                expected[who] -= outcome.Issued?.Receipt.Charged ?? 0;
            }

            if (step % 10 == 0)
            {
                App.Clock.Advance(TimeSpan.FromDays(random.Next(1, 20)));
            }
        }

        var check = await App.Get<Reconciliation>().CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Findings));
        Assert.Equal(expected[0], (await App.WalletAsync(customers[0].Customer.Id)).Amount);
        Assert.Equal(expected[1], (await App.WalletAsync(customers[1].Customer.Id)).Amount);
    }
}
