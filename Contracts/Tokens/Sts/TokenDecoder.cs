namespace SmsVending.Contracts.Tokens.Sts;

/// <summary>Takes a token apart with a meter's key, as a meter or an engineer would, without judging TIDs or keys.</summary>
public static class TokenDecoder
{
    /// <summary>Decodes a token; class 1 tokens need no cipher, the others decrypt with it.</summary>
    public static DecodedToken Decode(StsToken token, TokenCipher? cipher)
    {
        var tokenClass = token.Class;
        ulong block;
        if (tokenClass == TokenClass.Test)
        {
            block = token.Block;
        }
        else
        {
            ArgumentNullException.ThrowIfNull(cipher);
            block = cipher.Decrypt(token.Block);
        }

        var subclass = (int)(block >> 60);
        var decoded = new DecodedToken(tokenClass, subclass, TokenCrc.IsValid(tokenClass, block), block);
        return tokenClass switch
        {
            TokenClass.Test => decoded with
            {
                Control = subclass == 0 ? (block >> 24) & 0xF_FFFF_FFFF : (block >> 32) & 0xFFF_FFFF,
                Manufacturer = subclass == 0 ? (int)(block >> 16) & 0xFF : (int)(block >> 16) & 0xFFFF,
            },
            TokenClass.Management when TokenLayout.IsKeyChange(subclass) =>
                decoded with { KeyChange = TokenLayout.ReadKeyChange(subclass, block) },
            TokenClass.Credit or TokenClass.Management => WithRegisterFields(decoded, block),
            _ => decoded,
        };
    }

    private static DecodedToken WithRegisterFields(DecodedToken decoded, ulong block)
    {
        var field = (ushort)(block >> 16);
        decimal? amount = decoded.Class == TokenClass.Credit ? TokenAmount.Decode(field) / 10m
            : TokenClass.UsesAmountEncoding((ManagementFunction)decoded.Subclass) ? TokenAmount.Decode(field)
            : null;
        return decoded with
        {
            Rnd = (int)(block >> 56) & 0xF,
            Tid = (int)(block >> 32) & TokenIdentifier.Max,
            Field = field,
            Amount = amount,
        };
    }
}
