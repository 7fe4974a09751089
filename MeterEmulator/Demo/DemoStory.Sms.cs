using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Texting the service from the emulated phone and waiting, within the step timeout, for the answer.</summary>
public sealed partial class DemoStory
{
    /// <summary>Sends an SMS and waits for the next one the phone receives, which must be what the step expects.</summary>
    private async Task<string> TextAsync(string phone, string text, Func<string, bool> expected, string what, CancellationToken cancellationToken)
    {
        var seen = Seen(phone);
        var sent = await network.Phone(phone).SendSmsAsync(text, cancellationToken);
        Say($"SMS {phone} -> service: {text}");
        if ((int)sent.GatewayStatus is < 200 or > 299)
        {
            throw new DemoFailure($"the Gateway's SMS webhook answered {(int)sent.GatewayStatus}: {sent.GatewayReply}");
        }

        return await WaitForSmsAsync(phone, seen, expected, what, cancellationToken);
    }

    /// <summary>The first SMS the phone receives after <paramref name="seen"/>, printed, and checked against the expectation.</summary>
    private async Task<string> WaitForSmsAsync(string phone, IReadOnlySet<string> seen, Func<string, bool> expected, string what, CancellationToken cancellationToken)
    {
        InboxMessage message;
        try
        {
            message = await network.Inbox.WaitForMessageAsync(phone, m => !seen.Contains(m.Sid), settings.StepTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new DemoFailure($"no SMS reached the phone within {settings.StepTimeout.TotalSeconds:0} s (expected {what}); is the Gateway's "
                + $"Gateway:Twilio:ApiBaseUrl {network.BaseAddress}?");
        }

        Say($"SMS service -> {phone}: {message.Body}");
        return expected(message.Body) ? message.Body : throw new DemoFailure($"expected {what}, got \"{message.Body}\"");
    }

    /// <summary>The SMS the phone has now, so that a wait takes only a newer one.</summary>
    private HashSet<string> Seen(string phone) => [.. network.Inbox.Messages(phone).Select(m => m.Sid)];

    /// <summary>Polls a condition until it holds or the step timeout passes.</summary>
    private async Task EventuallyAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + settings.StepTimeout;
        while (!await condition())
        {
            if (time.GetUtcNow() > until)
            {
                throw new DemoFailure($"waited {settings.StepTimeout.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
    }
}
