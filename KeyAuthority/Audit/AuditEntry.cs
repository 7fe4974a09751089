using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmsVending.KeyAuthority.Audit;

/// <summary>One issued token in the append-only log.</summary>
internal sealed record AuditEntry(long At, string MeterNumber, string RequestId, string Requester, int TokenClass, int TokenSubclass, int? Tid, string? Amount)
{
    /// <summary>SHA-256 over the entry's fields, its position and the previous entry's hash.</summary>
    public string HashAfter(long seq, string previousHash)
    {
        var text = string.Join('\n', seq.ToString(CultureInfo.InvariantCulture), At.ToString(CultureInfo.InvariantCulture), MeterNumber,
            RequestId, Requester, TokenClass.ToString(CultureInfo.InvariantCulture), TokenSubclass.ToString(CultureInfo.InvariantCulture),
            Tid?.ToString(CultureInfo.InvariantCulture) ?? "", Amount ?? "", previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
