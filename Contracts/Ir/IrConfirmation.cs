using System.Globalization;

namespace SmsVending.Contracts.Ir;

/// <summary>Frame 4's content, signed by the host: the purchase's outcome for this meter. An issued purchase carries its STS tokens
/// (key changes first), which the meter applies through its own token checks; a refused one the reason code and words to show.</summary>
public sealed record IrConfirmation(IrOutcome Outcome, string MeterNumber, Guid PurchaseId, IReadOnlyList<string> Tokens, decimal Units, string Unit,
    int Reason = 0, string Message = "")
{
    /// <summary>The body's bytes.</summary>
    public byte[] Encode()
    {
        var writer = new IrWriter().Byte((byte)Outcome).Text(MeterNumber).Bytes(PurchaseId.ToByteArray(bigEndian: true)).Byte(checked((byte)Tokens.Count));
        foreach (var token in Tokens)
        {
            writer.Text(token);
        }

        return writer.Text(Units.ToString(CultureInfo.InvariantCulture)).Text(Unit).UInt16(Reason).Text(Message).ToArray();
    }

    /// <summary>Reads a body; a wrong layout is refused.</summary>
    public static IrConfirmation Decode(ReadOnlySpan<byte> body)
    {
        var reader = new IrReader(body, "confirmation");
        var outcome = (IrOutcome)reader.Byte();
        var meter = reader.Text();
        var purchase = new Guid(reader.Bytes(16), bigEndian: true);
        var tokens = new string[reader.Byte()];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = reader.Text();
        }

        var (unitsText, unit, reason, message) = (reader.Text(), reader.Text(), reader.UInt16(), reader.Text());
        reader.End();
        if (!Enum.IsDefined(outcome) || !decimal.TryParse(unitsText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var units))
        {
            throw new IrProtocolException(IrRefusal.Malformed, "the confirmation's outcome or units are not readable");
        }

        return new IrConfirmation(outcome, meter, purchase, tokens, units, unit, reason, message);
    }
}

/// <summary>What the host decided.</summary>
public enum IrOutcome : byte
{
    /// <summary>Paid and issued: the tokens are the credit.</summary>
    Issued = 1,

    /// <summary>Refused: nothing was charged; the reason says why.</summary>
    Refused = 2,
}
