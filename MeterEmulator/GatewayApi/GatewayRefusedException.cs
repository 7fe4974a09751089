namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The Gateway refused a call or answered with an unexpected status; the message names the route and its answer.</summary>
public sealed class GatewayRefusedException(string message) : Exception(message);
