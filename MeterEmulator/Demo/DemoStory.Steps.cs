using System.Globalization;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.MeterEmulator.GatewayApi;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>The story's seven steps, each checking what it printed.</summary>
public sealed partial class DemoStory
{
    private const decimal TopUp = 1000m, SmsAmount = 500m, UssdAmount = 200m;

    /// <summary>Numbers drawn for the meter or the phone before the story gives up.</summary>
    private const int Draws = 10;

    private StsMeterState meterState = null!;

    /// <summary>1: the admin adds a meter with a registration code; the factory loads its decoder key into an emulated meter.</summary>
    private async Task<(string Meter, string Code)> NewMeterAsync(CancellationToken cancellationToken)
    {
        Step("An administrator adds a new meter (admin API); the factory builds it from the decoder-key export");
        // Adding is the check: the Gateway answers a meter it has already with that meter, and its code is another's.
        var code = Digits(6, meterDigits);
        var meter = await UnusedAsync(() => MeterNumber.Create("04" + Digits(8, meterDigits)).Digits,
            async drawn => !await gateway.AddMeterAsync(drawn, code, cancellationToken), "meter numbers");
        Say($"meter {meter} added: tariff DOMESTIC, supply group 600001, tariff index 1, registration code {code}");
        var key = await gateway.DecoderKeyAsync(meter, cancellationToken);
        meterState = MeterFactory.Build(key);
        Say($"emulated STS meter built with its decoder key ({key.Algorithm}, KRN {key.KeyRevision}, base date {key.BaseDate}): credit {meterState.Credit}");
        return (meter, code);
    }

    /// <summary>2: a new phone links itself to the meter with REG.</summary>
    private async Task<string> LinkPhoneAsync(string meter, string code, CancellationToken cancellationToken)
    {
        Step("A new phone links itself to the meter by SMS");
        var phone = await UnusedAsync(() => "+2547" + Digits(8, phoneDigits), drawn => gateway.KnowsPhoneAsync(drawn, cancellationToken), "phone numbers");
        await TextAsync(phone, $"REG {meter} {code}", body => body.StartsWith($"Meter {meter} is linked", StringComparison.Ordinal), "the linked SMS", cancellationToken);
        return phone;
    }

    /// <summary>3: the customer pays the paybill with the phone as account (a wallet top-up) and asks for the balance.</summary>
    private async Task TopUpAsync(string phone, CancellationToken cancellationToken)
    {
        Step($"The customer pays KES {TopUp} by M-Pesa to paybill {OutsideWorld.ShortCode}, account {phone} (a wallet top-up)");
        var payment = await money.SendC2bAsync(phone, phone, TopUp, cancellationToken: cancellationToken);
        if (!payment.Accepted)
        {
            throw new DemoFailure($"the Gateway refused the payment: {payment.Validation?.Body}");
        }

        Say($"M-Pesa {payment.TransId}: validated {payment.Validation?.Body}, confirmed {payment.Confirmations[0].Body}");
        await EventuallyAsync(async () => await gateway.WalletBalanceAsync(phone, cancellationToken) == TopUp, $"the wallet to hold KES {TopUp}", cancellationToken);
        var balance = string.Create(CultureInfo.InvariantCulture, $"Your balance is KES{TopUp:0.00}.");
        await TextAsync(phone, "BAL", body => body == balance, $"\"{balance}\"", cancellationToken);
    }

    /// <summary>4: a purchase by SMS; the token goes into the meter.</summary>
    private async Task<string> BuyBySmsAsync(string phone, string meter, CancellationToken cancellationToken)
    {
        Step($"The customer buys KES {SmsAmount} by SMS and keys the token into the meter");
        var reply = await TextAsync(phone, $"BUY {meter} {SmsAmount}", IsTokenSms, "a token SMS", cancellationToken);
        return KeyIn(DemoSms.Token(reply), MeterResult.Accept);
    }

    /// <summary>5: a purchase through the USSD menu; the token comes by SMS and goes into the meter.</summary>
    private async Task<string> BuyByUssdAsync(string phone, string meter, CancellationToken cancellationToken)
    {
        Step($"The customer buys KES {UssdAmount} through the USSD menu (*384*1#) and keys the token in");
        var seen = Seen(phone);
        var session = "ATUid_" + Guid.NewGuid().ToString("N");
        string[] inputs = ["", "1", $"1*{UssdAmount}", $"1*{UssdAmount}*1"];
        foreach (var text in inputs)
        {
            var screen = await gateway.UssdAsync(session, phone, text, cancellationToken);
            Say($"USSD {(text.Length == 0 ? "(dial)" : text),-12} -> {screen.ReplaceLineEndings(" | ")}");
            var last = text == inputs[^1];
            if (!screen.StartsWith(last ? "END " : "CON ", StringComparison.Ordinal))
            {
                throw new DemoFailure($"expected a {(last ? "closing (END)" : "menu (CON)")} screen, got \"{screen}\"");
            }
        }

        var reply = await WaitForSmsAsync(phone, seen, IsTokenSms, "a token SMS", cancellationToken);
        if (!reply.Contains($"Mtr {meter}", StringComparison.Ordinal))
        {
            throw new DemoFailure($"the token SMS is not for meter {meter}: \"{reply}\"");
        }

        return KeyIn(DemoSms.Token(reply), MeterResult.Accept);
    }

    /// <summary>6: the first token keyed in again is refused.</summary>
    private void ReplayToken(string token)
    {
        Step("The first token is keyed in again");
        KeyIn(token, MeterResult.Used);
    }

    private static bool IsTokenSms(string body) => body.StartsWith("Token ", StringComparison.Ordinal) && DemoSms.HasToken(body);

    private string KeyIn(string token, MeterResult expected)
    {
        var entry = StsMeter.Enter(meterState, token, time.GetUtcNow());
        meterState = entry.State;
        Say($"meter {meterState.MeterNumber} keypad: {DemoSms.Grouped(token)} -> {entry.Result}, credit {meterState.Credit} kWh");
        return entry.Result == expected ? token : throw new DemoFailure($"the meter showed {entry.Result} ({entry.Detail}), not {expected}");
    }

    private static string Digits(int count, Func<int, int> source) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => source(10).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Draws until the Gateway has the drawn numbers on no record: the story's balances and links are only right for a
    /// meter and a phone of its own.</summary>
    private async Task<string> UnusedAsync(Func<string> draw, Func<string, Task<bool>> taken, string what)
    {
        for (var i = 0; i < Draws; i++)
        {
            var drawn = draw();
            if (!await taken(drawn))
            {
                return drawn;
            }

            Say($"{drawn} is on record already: drawing another");
        }

        throw new DemoFailure($"the Gateway had all of {Draws} {what} drawn on record already");
    }
}
