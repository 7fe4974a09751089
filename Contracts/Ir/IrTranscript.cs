using System.Security.Cryptography;
using System.Text;

namespace SmsVending.Contracts.Ir;

/// <summary>The session transcript: a SHA-256 chain over every frame so far, which every signature and the key schedule cover, so a
/// frame from another session, an altered one or one out of order never verifies.</summary>
internal static class IrTranscript
{
    private static readonly byte[] Start = SHA256.HashData("SmsVending IR v1 transcript"u8);

    /// <summary>The transcript after frame 1.</summary>
    public static byte[] First(ReadOnlySpan<byte> helloFrame) => Next(Start, helloFrame);

    /// <summary>The transcript after one more frame (or part of one).</summary>
    public static byte[] Next(ReadOnlySpan<byte> transcript, ReadOnlySpan<byte> frame)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(transcript);
        hash.AppendData(frame);
        return hash.GetHashAndReset();
    }

    /// <summary>What a signature of a frame covers: a label naming the frame (so no signature serves for another), the transcript
    /// before it, and its content.</summary>
    public static byte[] Signed(IrFrameType frame, ReadOnlySpan<byte> transcript, ReadOnlySpan<byte> content) =>
        [.. Encoding.ASCII.GetBytes($"SmsVending IR v1 signs frame {(int)frame}\0"), .. transcript, .. content];
}
