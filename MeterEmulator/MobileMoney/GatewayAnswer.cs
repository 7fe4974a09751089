using System.Net;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>What the Gateway answered to a callback: the HTTP status and the body as it came.</summary>
public sealed record GatewayAnswer(HttpStatusCode Status, string Body);
