using System.Net;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>An SMS a phone sent to the service, and how the Gateway's webhook answered it.</summary>
public sealed record InboundSms(string MessageSid, string From, string To, string Body, HttpStatusCode GatewayStatus, string GatewayReply);
