namespace SmsVending.Contracts.Ir;

/// <summary>Frame 1's body: the meter's registered account number, its ephemeral X25519 public key and a random nonce.</summary>
public sealed record IrHello(string MeterNumber, byte[] EphemeralKey, byte[] Nonce)
{
    /// <summary>Bytes in a public key and in a nonce.</summary>
    public const int KeyLength = 32, NonceLength = 32;

    /// <summary>The body's bytes.</summary>
    public byte[] Encode() => new IrWriter().Text(MeterNumber).Bytes(EphemeralKey).Bytes(Nonce).ToArray();

    /// <summary>Reads a body; a wrong layout is refused.</summary>
    public static IrHello Decode(ReadOnlySpan<byte> body)
    {
        var reader = new IrReader(body, "hello");
        var hello = new IrHello(reader.Text(), reader.Bytes(KeyLength).ToArray(), reader.Bytes(NonceLength).ToArray());
        reader.End();
        return hello.MeterNumber.Length > 0 && hello.MeterNumber.All(char.IsAsciiDigit)
            ? hello
            : throw new IrProtocolException(IrRefusal.Malformed, "the hello's account number is not all digits");
    }
}
