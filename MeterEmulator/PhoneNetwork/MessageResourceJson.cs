using System.Globalization;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>A message as Twilio's REST API writes it (snake_case names, counts as strings, RFC 2822 dates), which the SDK's MessageResource reads.</summary>
internal sealed record MessageResourceJson(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string Body,
    string Status,
    string NumSegments,
    string NumMedia,
    string Direction,
    string ApiVersion,
    string? Price,
    string PriceUnit,
    int? ErrorCode,
    string? ErrorMessage,
    string? MessagingServiceSid,
    string DateCreated,
    string DateUpdated,
    string? DateSent,
    string Uri,
    IReadOnlyDictionary<string, string> SubresourceUris)
{
    public static MessageResourceJson Of(NetworkMessage m) => new(
        m.Sid, m.AccountSid, m.To, m.From, m.Body, m.Status,
        SmsSegmentCount.Of(m.Body).ToString(CultureInfo.InvariantCulture), "0", "outbound-api", "2010-04-01",
        null, "USD", m.ErrorCode, m.ErrorMessage, m.MessagingServiceSid,
        Rfc2822(m.DateCreated), Rfc2822(m.DateUpdated), m.DateSent is { } sent ? Rfc2822(sent) : null,
        m.Uri, new Dictionary<string, string> { ["media"] = m.Uri.Replace(".json", "/Media.json", StringComparison.Ordinal) });

    private static string Rfc2822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
