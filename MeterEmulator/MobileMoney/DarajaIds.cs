using System.Globalization;
using System.Security.Cryptography;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Ids and times as Daraja writes them: M-Pesa receipts / TransIDs (10 capitals and digits, e.g. RKTQDM7W6S), checkout
/// and merchant request ids, and yyyyMMddHHmmss timestamps in Nairobi time.</summary>
internal static class DarajaIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly TimeSpan Nairobi = TimeSpan.FromHours(3);
    private static long sequence;

    /// <summary>A receipt number / TransID: a fixed prefix, then 7 random characters (78 billion to one against a repeat).</summary>
    public static string Receipt(string prefix = "RKT") => prefix + RandomNumberGenerator.GetString(Alphabet, 10 - prefix.Length);

    /// <summary>A CheckoutRequestID such as ws_CO_24112026174409123456.</summary>
    public static string CheckoutRequestId(DateTimeOffset now) =>
        $"ws_CO_{now.ToOffset(Nairobi):ddMMyyyyHHmmss}{Interlocked.Increment(ref sequence):D6}";

    /// <summary>A MerchantRequestID such as 29115-34620561-1.</summary>
    public static string MerchantRequestId() =>
        $"{RandomNumberGenerator.GetInt32(10_000, 99_999)}-{Interlocked.Increment(ref sequence)}-1";

    /// <summary>Daraja's timestamp: Nairobi time (UTC+3, no daylight saving), yyyyMMddHHmmss.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToOffset(Nairobi).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
