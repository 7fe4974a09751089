namespace SmsVending.KeyAuthority.Ir;

/// <summary>A session as stored (ka_ir_sessions).</summary>
internal sealed class IrSessionRow
{
    public const string Columns = """
        session_id, meter_number, transcript, sealed_keys, expires_at, request_transcript, sealed_request, requested_at, published_at,
        confirmation, outcome, purchase_id, created_at
        """;

    public string SessionId { get; set; } = "";
    public string MeterNumber { get; set; } = "";
    public byte[] Transcript { get; set; } = [];
    public byte[]? SealedKeys { get; set; }
    public long ExpiresAt { get; set; }
    public byte[]? RequestTranscript { get; set; }
    public byte[]? SealedRequest { get; set; }
    public long? RequestedAt { get; set; }
    public long? PublishedAt { get; set; }
    public byte[]? Confirmation { get; set; }
    public string? Outcome { get; set; }
    public string? PurchaseId { get; set; }
    public long CreatedAt { get; set; }

    /// <summary>The sealed process key's record identity.</summary>
    public static string KeysRecord(string sessionId) => "ir-session-keys:" + sessionId;

    /// <summary>The sealed request's record identity.</summary>
    public static string RequestRecord(string sessionId) => "ir-session-request:" + sessionId;
}
