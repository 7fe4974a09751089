namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>Hands one SMS to the SMS provider: Twilio when configured, else the console.</summary>
public abstract class SmsTransport
{
    /// <summary>Sends; throws <see cref="SmsRefusedException"/> when the provider refuses for good, anything else means "try later".</summary>
    public abstract Task<SmsAccepted> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>The provider took the message: its status (queued, or logged with no provider) and its id for delivery reports.</summary>
public sealed record SmsAccepted(string Status, string? ProviderSid);

/// <summary>The provider refused the message for good (e.g. an invalid number): retrying cannot help.</summary>
public sealed class SmsRefusedException(string message) : Exception(message);

/// <summary>No provider configured (the embedded default): the message log keeps the SMS and the console shows it.</summary>
internal sealed class ConsoleSmsTransport : SmsTransport
{
    public override async Task<SmsAccepted> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        // The console, not the log: this is the embedded demo's phone screen, and logs never carry tokens.
        await Console.Out.WriteLineAsync($"[SMS to {message.Phone}] {message.Body}".AsMemory(), cancellationToken);
        return new SmsAccepted(OutboundStatus.Logged, null);
    }
}
