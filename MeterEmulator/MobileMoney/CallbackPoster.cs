using System.Net.Http.Json;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Posts Daraja's JSON callbacks; STK callbacks are retried a few times as Daraja redelivers them.</summary>
internal sealed class CallbackPoster(HttpClient http, TimeProvider time, ILogger<CallbackPoster> log)
{
    public const int Attempts = 3;

    /// <summary>One post; the answer's status and body.</summary>
    public async Task<GatewayAnswer> PostAsync(Uri url, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, DarajaError.Exact, cancellationToken);
        return new GatewayAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Posts until the receiver answers 2xx, at most <see cref="Attempts"/> times; false when it never did.</summary>
    public async Task<bool> DeliverAsync(Uri url, object body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var answer = await PostAsync(url, body, cancellationToken);
                if ((int)answer.Status is >= 200 and < 300)
                {
                    return true;
                }

                failure = $"HTTP {(int)answer.Status}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = e.Message;
            }

            if (attempt >= Attempts)
            {
                log.LogWarning("Callback to {Path} dropped after {Attempts} attempts: {Failure}", url.AbsolutePath, attempt, failure);
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
        }
    }
}
