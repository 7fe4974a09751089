using System.Text;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>A purchase's outcome as the meter is told it in frame 4.</summary>
internal static class IrConfirmations
{
    /// <summary>Issued: the tokens in entry order (key changes first), which the meter applies through its own STS checks.</summary>
    public static IrConfirmation Issued(TokenIssued issued, string meterNumber) => new(IrOutcome.Issued, meterNumber, issued.PurchaseId,
        [.. issued.Tokens.Select(t => t.Digits)], issued.Receipt.Units, Clip(issued.Receipt.Unit));

    /// <summary>Refused: the reason code and its words, cut to what a frame field holds.</summary>
    public static IrConfirmation Refused(PurchaseRejected rejected, string meterNumber) =>
        new(IrOutcome.Refused, meterNumber, rejected.PurchaseId, [], 0m, "", (int)rejected.Reason, Clip(rejected.Message));

    private static string Clip(string text)
    {
        var end = text.Length;
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > byte.MaxValue)
        {
            end--;
        }

        return text[..end];
    }
}
