namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>The device side of the chain: finds the count a token was made for and judges it.</summary>
internal static class ChainDecoder
{
    public const int MaxJump = 64;
    public const int MaxJumpCounterSync = 100;

    public static ChainMatch Find(OpenPaygoKey key, ulong startingCode, int lastCount, ushort usedCounts, ulong token, bool extended)
    {
        var modulus = TokenChain.Modulus(extended);
        var tokenBase = token % modulus;
        var value = (int)((tokenBase + modulus - (startingCode % modulus)) % modulus);
        var sync = !extended && value == OpenPaygoEncoder.CounterSyncValue;
        var maxCount = lastCount + (sync ? MaxJumpCounterSync : MaxJump);

        var code = TokenChain.PutBase(startingCode, tokenBase, modulus);
        var sawUsed = false;
        for (var count = 0; count <= maxCount; count++)
        {
            // Count 0 would be the starting code itself: the spec calls it invalid, not used (the reference says used).
            if (count > 0 && TokenChain.PutBase(code, tokenBase, modulus) == token)
            {
                var type = TypeOf(value, count, extended);
                if (UsedCountWindow.Accepts(count, lastCount, usedCounts, type))
                {
                    return new ChainMatch(OpenPaygoEntryStatus.Valid, type, value, count);
                }

                sawUsed = true; // keep looking: a later count may carry the same digits
            }

            code = TokenChain.Next(key, code, extended);
        }

        return new ChainMatch(sawUsed ? OpenPaygoEntryStatus.AlreadyUsed : OpenPaygoEntryStatus.Invalid, default, value, 0);
    }

    /// <summary>998 and 999 mean DISABLE_PAYG and COUNTER_SYNC whatever the parity, as both reference devices read them.</summary>
    private static OpenPaygoTokenType TypeOf(int value, int count, bool extended) => (extended, value) switch
    {
        (false, OpenPaygoEncoder.CounterSyncValue) => OpenPaygoTokenType.CounterSync,
        (false, OpenPaygoEncoder.DisablePaygValue) => OpenPaygoTokenType.DisablePayg,
        _ => count % 2 == 0 ? OpenPaygoTokenType.AddTime : OpenPaygoTokenType.SetTime,
    };
}
