using System.Globalization;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;

namespace SmsVending.Gateway.Sms;

/// <summary>Every SMS the system sends, in English and Swahili; each fits one GSM-7 segment (proved by tests with worst-case values).</summary>
public static partial class SmsReplies
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The tokens in entry order with what they bought: the richest of these that fits one segment —
    /// grouped in fours with meter, units and amounts; grouped with the reference only; plain digits (five key change
    /// and credit tokens cannot be grouped within 160 characters).</summary>
    public static string Issued(TokenIssued issued)
    {
        var sw = Swahili(issued.Language);
        var r = issued.Receipt;
        var reference = Reference(issued.PurchaseId);
        var units = string.Create(Invariant, $"{r.Units:0.#}{r.Unit}");
        string Tokens(bool grouped)
        {
            var tokens = issued.Tokens.Select(t => grouped ? Grouped(t.Digits) : t.Digits).ToList();
            return tokens.Count == 1 ? tokens[0] : string.Join(" ", tokens.Select((t, i) => $"{i + 1}){t}"));
        }

        var single = issued.Tokens.Count == 1;
        string[] candidates = sw
            ? [
                single ? $"Tokeni {Tokens(true)} Mita {issued.MeterNumber} {units} {Money(r.Currency, r.Charged)} Salio {Money(r.Currency, r.WalletBalance)} Kumb {reference}"
                       : $"Ingiza kwa mpangilio: {Tokens(true)} Mita {issued.MeterNumber} {units} Kumb {reference}",
                $"{(single ? "Tokeni" : "Ingiza kwa mpangilio:")} {Tokens(true)} Kumb {reference}",
                $"{(single ? "Tokeni" : "Kwa mpangilio:")} {Tokens(false)} Kumb {reference}",
            ]
            : [
                single ? $"Token {Tokens(true)} Mtr {issued.MeterNumber} {units} {Money(r.Currency, r.Charged)} Bal {Money(r.Currency, r.WalletBalance)} Ref {reference}"
                       : $"Enter in order: {Tokens(true)} Mtr {issued.MeterNumber} {units} Ref {reference}",
                $"{(single ? "Token" : "Enter in order:")} {Tokens(true)} Ref {reference}",
                $"{(single ? "Token" : "In order:")} {Tokens(false)} Ref {reference}",
            ];
        return candidates.FirstOrDefault(c => SmsSegments.Count(c) == 1) ?? candidates[^1];
    }

    /// <summary>A purchase refused unread because the service is overloaded, in both languages: the customer's is not looked up then.</summary>
    public const string Busy = "Service busy: nothing was charged. Please send your request again in a few minutes. / Huduma ina shughuli, hujatozwa. Tuma tena baadaye.";

    /// <summary>Why a purchase did not go through, and what to do about it.</summary>
    public static string Rejected(PurchaseRejected r)
    {
        var sw = Swahili(r.Language);
        var meters = r.Meters is { Count: > 0 } list ? Meters(list) : "";
        var amount = r.Amount is { } a ? Money("KES", a) : "";
        var reference = Reference(r.PurchaseId);
        return r.Reason switch
        {
            PurchaseRejection.UnknownCustomer => NotRegistered(r.Language),
            PurchaseRejection.UnknownMeter => sw ? $"Mita {Short(r.MeterNumber)} haijulikani. Hakiki namba kwenye mita." : $"Meter {Short(r.MeterNumber)} not found. Check the number on the meter.{Hint(r.Message)}",
            PurchaseRejection.MeterNotLinked => sw ? $"Mita {Short(r.MeterNumber)} haijaunganishwa na simu hii. Mita zako: {meters}" : $"Meter {Short(r.MeterNumber)} is not linked to this phone. Your meters: {meters}. To link: REG <meter> <code>",
            PurchaseRejection.MeterChoiceNeeded => sw ? $"Taja mita: BUY <mita> <kiasi>. Mita zako: {meters}" : $"Name the meter: BUY <meter> <amount>. Your meters: {meters}",
            PurchaseRejection.PinRequired => sw ? "Ongeza PIN yako: BUY <mita> <kiasi> <PIN>" : "Add your PIN: BUY <meter> <amount> <PIN>",
            PurchaseRejection.WrongPin => sw ? "PIN si sahihi. Jaribu tena." : "Wrong PIN. Please try again.",
            PurchaseRejection.PinLocked => sw ? $"PIN imefungwa hadi {Time(r.LockedUntil)}." : $"Too many wrong PINs. Try again after {Time(r.LockedUntil)}.",
            PurchaseRejection.BelowMinimum => sw ? $"Kiasi cha chini ni {amount}." : $"The smallest purchase is {amount}.",
            PurchaseRejection.AboveMaximum => sw ? $"Kiasi cha juu ni {amount}." : $"The largest purchase is {amount}.",
            PurchaseRejection.NothingLeftForUnits => sw ? "Kiasi hakitoshi baada ya ada na deni. Tuma kiasi kikubwa zaidi." : "After the monthly charge and debt nothing is left for units. Send a larger amount.",
            PurchaseRejection.InsufficientBalance => sw ? $"Salio halitoshi ({amount}). Lipa kwa M-Pesa kisha jaribu tena." : $"Not enough balance ({amount}). Pay by M-Pesa, then try again.",
            PurchaseRejection.Blocked => sw ? "Ununuzi umezuiwa. Piga huduma kwa wateja." : "Purchases are blocked for this account or meter. Call customer care.",
            PurchaseRejection.ServiceBusy => sw ? $"Huduma ina shughuli. Umelipa; tokeni itakuja hivi punde. Kumb {reference}" : $"Service busy. You have paid; your token will follow shortly. Ref {reference}",
            PurchaseRejection.TokenRefused => sw ? $"Tokeni haikutolewa; pesa imerudishwa kwenye salio. Kumb {reference}" : $"The token could not be made; your money is back in your balance. Ref {reference}",
            PurchaseRejection.NothingToResend => sw ? "Hakuna tokeni za kutuma tena." : "No tokens to send again.",
            PurchaseRejection.PaymentCancelled => sw ? "Malipo yalighairiwa. Hakuna kilichotozwa." : "Payment cancelled. Nothing was charged.",
            PurchaseRejection.PaymentFailed => sw ? "Malipo hayakufaulu. Hakuna kilichotozwa." : "Payment failed. Nothing was charged.",
            PurchaseRejection.PaymentTimedOut => sw ? "Malipo hayakufika kwa wakati. Yakifika yataongezwa kwenye salio." : "Payment did not arrive in time. If it arrives, it goes to your balance.",
            _ => sw ? $"Ununuzi haukufaulu. Kumb {reference}" : $"Purchase failed. Ref {reference}",
        };
    }

    /// <summary>The help reply, naming the command the message most resembled.</summary>
    public static string Help(string language, string? closest = null) => Swahili(language)
        ? $"{(closest is null ? "" : $"Je, ulimaanisha {closest}? ")}Tuma: BUY <mita> <kiasi> [PIN], BUY <kiasi>, LAST, BAL, METERS, REG <mita> <namba>, PIN <zamani> <mpya>"
        : $"{(closest is null ? "" : $"Did you mean {closest}? ")}Send: BUY <meter> <amount> [PIN], BUY <amount>, LAST, BAL, METERS, REG <meter> <code>, PIN <old> <new>";

    /// <summary>For a phone no customer has.</summary>
    public static string NotRegistered(string language) => Swahili(language)
        ? "Simu hii haijasajiliwa. Unganisha mita: REG <mita> <namba>, au piga huduma kwa wateja."
        : "This phone is not registered. Link your meter: REG <meter> <code>, or call customer care.";

    /// <summary>The wallet balance.</summary>
    public static string Balance(string language, string currency, decimal balance) =>
        Swahili(language) ? $"Salio lako ni {Money(currency, balance)}." : $"Your balance is {Money(currency, balance)}.";

    /// <summary>The phone's meters.</summary>
    public static string MeterList(string language, IReadOnlyList<string> meters) => meters.Count == 0
        ? Swahili(language) ? "Hakuna mita. Unganisha: REG <mita> <namba>" : "No meters yet. To link one: REG <meter> <code>"
        : Swahili(language) ? $"Mita zako: {Meters(meters)}" : $"Your meters: {Meters(meters)}";

    /// <summary>A 20-digit token in groups of four; other tokens as they are.</summary>
    public static string Grouped(string digits) => digits.Length == 20 ? StsToken.Parse(digits).ToGroupedString() : digits;

    /// <summary>The short reference a customer reads to staff: the purchase id's last six hex digits.</summary>
    public static string Reference(Guid purchaseId) => purchaseId.ToString("N")[^6..].ToUpperInvariant();

    private static bool Swahili(string language) => language == "sw";

    private static string Money(string currency, decimal amount) => string.Create(Invariant, $"{currency}{amount:0.00}");

    // At most three meters by number, then a count: the reply must stay in one segment.
    private static string Meters(IReadOnlyList<string> meters) =>
        string.Join(",", meters.Take(3)) + (meters.Count > 3 ? $" +{meters.Count - 3}" : "");

    private static string Short(string? meter) => meter is null ? "" : meter.Length > 20 ? meter[..20] : meter;

    private static string Time(DateTimeOffset? at) => at is { } t ? t.ToString("HH:mm", Invariant) : "";

    // The check-digit hint ("…the last would be 7") is worth the space when there is room.
    private static string Hint(string message) =>
        message.Contains("the last would be", StringComparison.Ordinal) ? $" Last digit should be {message[^2]}?" : "";
}
