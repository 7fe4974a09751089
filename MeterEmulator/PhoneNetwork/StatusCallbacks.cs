namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Posts a message's status to its StatusCallback URL, signed; retries a few times, then logs and moves on.</summary>
internal sealed class StatusCallbacks(HttpClient http, PhoneNetworkSettings settings, TimeProvider time, ILogger<StatusCallbacks> log)
{
    public async Task SendAsync(NetworkMessage message, CancellationToken cancellationToken)
    {
        if (message.StatusCallback is not { } url)
        {
            return;
        }

        var form = Form(message);
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = TwilioWebhook.Request(new Uri(url), url, form, settings.AuthToken);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = e.Message;
            }

            if (attempt >= settings.CallbackAttempts)
            {
                log.LogWarning("Status callback {Status} of {Sid} dropped after {Attempts} attempts: {Failure}", message.Status, message.Sid, attempt, failure);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
        }
    }

    private static List<KeyValuePair<string, string>> Form(NetworkMessage message)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", message.Sid),
            new("SmsSid", message.Sid),
            new("MessageStatus", message.Status),
            new("SmsStatus", message.Status),
            new("AccountSid", message.AccountSid),
            new("To", message.To),
            new("From", message.From),
            new("ApiVersion", "2010-04-01"),
        ];
        if (message.MessagingServiceSid is { } service)
        {
            form.Add(new("MessagingServiceSid", service));
        }

        if (message.ErrorCode is { } code)
        {
            form.Add(new("ErrorCode", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return form;
    }
}
