namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>
/// Which counts a device still takes: any above the highest so far, or an unused ADD_TIME among the 16 below
/// it (tokens bought together may be keyed in out of order). Bit i of the mask is count highest − 1 − i,
/// as in the reference C decoder (OpenPAYGO-HW opaygo_decoder.c).
/// </summary>
internal static class UsedCountWindow
{
    public const int Size = 16;

    public static bool Accepts(int count, int lastCount, ushort usedCounts, OpenPaygoTokenType type)
    {
        if (count == 0)
        {
            return false; // count 0 is the starting code itself, never a token
        }

        // The reference decoders also take a COUNTER_SYNC up to 64 counts below the highest (Python even moves
        // the count back); the spec does not, so a sync token cannot be replayed to use up the window.
        if (count > lastCount)
        {
            return true;
        }

        if (type != OpenPaygoTokenType.AddTime || count == lastCount || count <= lastCount - Size)
        {
            return false;
        }

        return (usedCounts & (1 << (lastCount - count - 1))) == 0;
    }

    /// <summary>Records an accepted count; anything but ADD_TIME marks the whole window used.</summary>
    public static (int LastCount, ushort UsedCounts) Mark(int count, int lastCount, ushort usedCounts, OpenPaygoTokenType type)
    {
        if (type != OpenPaygoTokenType.AddTime)
        {
            return (Math.Max(count, lastCount), ushort.MaxValue);
        }

        if (count < lastCount)
        {
            return (lastCount, (ushort)(usedCounts | (1 << (lastCount - count - 1))));
        }

        // Slide the window up: the old highest count becomes bit shift − 1; what falls off the top is gone.
        var shift = count - lastCount;
        var slid = shift > Size ? 0u : ((uint)usedCounts << shift) | (1u << (shift - 1));
        return (count, (ushort)slid);
    }
}
