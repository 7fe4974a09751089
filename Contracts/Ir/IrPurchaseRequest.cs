using System.Globalization;

namespace SmsVending.Contracts.Ir;

/// <summary>Frame 3's content: what the phone asked the meter to buy, which the meter signs. The buyer's phone and PIN are checked by
/// Vending exactly as for an SMS purchase; the meter number binds the request to this meter once more.</summary>
public sealed record IrPurchaseRequest(string MeterNumber, string Phone, decimal Amount, string? Pin = null)
{
    /// <summary>The body's bytes.</summary>
    public byte[] Encode() => new IrWriter().Text(MeterNumber).Text(Phone).Text(Amount.ToString(CultureInfo.InvariantCulture)).Text(Pin ?? "").ToArray();

    /// <summary>Reads a body; a wrong layout or amount is refused.</summary>
    public static IrPurchaseRequest Decode(ReadOnlySpan<byte> body)
    {
        var reader = new IrReader(body, "purchase request");
        var (meter, phone, amountText, pin) = (reader.Text(), reader.Text(), reader.Text(), reader.Text());
        reader.End();
        return decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? new IrPurchaseRequest(meter, phone, amount, pin.Length == 0 ? null : pin)
            : throw new IrProtocolException(IrRefusal.Malformed, $"the purchase request's amount '{amountText}' is not a positive number");
    }
}
