namespace SmsVending.Gateway.Messages;

/// <summary>One stored inbound message or provider callback.</summary>
public sealed class InboundMessage
{
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string? Phone { get; set; }
    public string Body { get; set; } = "";
    public string? Command { get; set; }
    public string? MeterNumber { get; set; }
    public long ReceivedAt { get; set; }
    public long? AnsweredAt { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>A message as a provider delivers it, before it is stored, with what it reads as when that is known on arrival.</summary>
internal sealed record IncomingMessage(string Channel, string ExternalId, string? Phone, string Body, string? Receipt, string? Command = null, string? MeterNumber = null);

/// <summary>The channels inbound messages arrive on.</summary>
public static class Channels
{
    /// <summary>Twilio inbound SMS; the external id is the MessageSid.</summary>
    public const string Sms = "sms";

    /// <summary>A USSD session's purchase; the external id is derived from the session.</summary>
    public const string Ussd = "ussd";

    /// <summary>M-Pesa C2B confirmation; the external id is the TransID.</summary>
    public const string MpesaC2b = "mpesa-c2b";

    /// <summary>M-Pesa STK push callback; the external id is the CheckoutRequestID.</summary>
    public const string MpesaStk = "mpesa-stk";
}
