using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>What `ir buy` prints: the outcome, the host's confirmation, each token as the meter took it, the credit, and the notes.</summary>
internal sealed record IrBuyView(IrPurchaseStatus Status, Guid? PurchaseId, decimal? Units, string? Unit, int? Reason, string? Message,
    IReadOnlyList<IrTokenEntry> Tokens, decimal Credit, IReadOnlyList<string> Notes)
{
    public static IrBuyView Of(IrPurchaseResult result)
    {
        var confirmation = result.Confirmation;
        return new IrBuyView(result.Status, confirmation?.PurchaseId, confirmation?.Units, confirmation?.Unit, confirmation?.Reason is > 0 ? confirmation.Reason : null,
            confirmation?.Message is { Length: > 0 } message ? message : null, result.Entries, result.State.Credit, result.Notes);
    }

    public string ToText() => string.Join(Environment.NewLine, Notes
        .Concat(Status switch
        {
            IrPurchaseStatus.Credited => [$"credited: purchase {PurchaseId}, {MeterCommands.Units(Units ?? 0m)} {Unit}"],
            IrPurchaseStatus.PurchaseRefused => [$"refused by the host: {Message} (reason {Reason}); nothing was charged"],
            _ => [$"{Status}: nothing credited"],
        })
        .Concat(Tokens.Select(t => $"  {t.Token} {t.Result}"))
        .Append($"credit {MeterCommands.Units(Credit)}"));
}
