using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SmsVending.Gateway.Http;

namespace SmsVending.Gateway.Payments;

/// <summary>Daraja's API: an OAuth token (client credentials, cached until shortly before it expires) and the STK push.</summary>
/// <remarks>Token calls are retried on any transient failure. A push is retried only when it surely did not reach Daraja
/// (no connection, 429, 503): a push that timed out may have prompted the customer, and a second prompt could charge twice.
/// Back-off and timeouts are real waiting on a remote service, so they run on the system clock.</remarks>
internal sealed class DarajaClient(IHttpClientFactory factory, MpesaOptions options, TimeProvider clock)
{
    public const string HttpClientName = "daraja";

    /// <summary>Property names exactly as Daraja spells them; read-only from the start (<see cref="FrozenJson"/>).</summary>
    public static readonly JsonSerializerOptions Exact = FrozenJson.Freeze(new() { PropertyNamingPolicy = null });

    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private readonly ResiliencePipeline<HttpResponseMessage> tokenCalls = Pipeline(options.RequestTimeout, outcome =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests });
    private readonly ResiliencePipeline<HttpResponseMessage> pushCalls = Pipeline(options.RequestTimeout, outcome =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable });
    private (string Token, DateTimeOffset Until)? token;

    /// <summary>Sends the push; a 401 (token revoked early) fetches a new token once.</summary>
    public async Task<StkPushAnswer> PushAsync(StkPushRequest push, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bearer = await TokenAsync(cancellationToken);
            using var response = await pushCalls.ExecuteAsync(async t =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Url("mpesa/stkpush/v1/processrequest")) { Content = JsonContent.Create(push, options: Exact) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                return await factory.CreateClient(HttpClientName).SendAsync(request, t);
            }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                token = null;
                continue;
            }

            var raw = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode >= HttpStatusCode.InternalServerError)
            {
                throw new HttpRequestException($"Daraja answered the push with {(int)response.StatusCode}", null, response.StatusCode);
            }

            return StkPushAnswer.Read(response.IsSuccessStatusCode, raw);
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is { } cached && cached.Until > clock.GetUtcNow())
            {
                return cached.Token;
            }

            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ConsumerKey}:{options.ConsumerSecret}"));
            using var response = await tokenCalls.ExecuteAsync(async t =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Url("oauth/v1/generate?grant_type=client_credentials"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                return await factory.CreateClient(HttpClientName).SendAsync(request, t);
            }, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var accessToken = DarajaJson.Text(json.RootElement, "access_token") ?? throw new HttpRequestException("Daraja's token answer has no access_token");
            var lifetime = int.TryParse(DarajaJson.Text(json.RootElement, "expires_in"), out var seconds) ? seconds : 3599;
            // Renewed a minute early, so a token never expires between here and Daraja.
            token = (accessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, lifetime - 60)));
            return accessToken;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private Uri Url(string path) => new($"{options.ApiBaseUrl!.AbsoluteUri.TrimEnd('/')}/{path}");

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeSpan attemptTimeout, Func<Outcome<HttpResponseMessage>, bool> retryable) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(attemptTimeout * 4)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(retryable(args.Outcome)),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(attemptTimeout)
            .Build();
}

/// <summary>The STK push request body (Daraja's names).</summary>
internal sealed record StkPushRequest(
    string BusinessShortCode, string Password, string Timestamp, string TransactionType, long Amount, string PartyA, string PartyB, string PhoneNumber,
    string CallBackURL, string AccountReference, string TransactionDesc);

/// <summary>Daraja's answer to a push: accepted with its ids (ResponseCode "0"), or refused with the body as it came.</summary>
internal sealed record StkPushAnswer(bool Accepted, string? CheckoutRequestId, string? MerchantRequestId, string Raw)
{
    public static StkPushAnswer Read(bool success, string raw)
    {
        try
        {
            using var json = JsonDocument.Parse(raw);
            var root = json.RootElement;
            var checkout = root.ValueKind == JsonValueKind.Object ? DarajaJson.Text(root, "CheckoutRequestID") : null;
            var accepted = success && checkout is not null && DarajaJson.Text(root, "ResponseCode") == "0";
            return new StkPushAnswer(accepted, checkout, accepted ? DarajaJson.Text(root, "MerchantRequestID") : null, raw);
        }
        catch (JsonException)
        {
            return new StkPushAnswer(false, null, null, raw);
        }
    }
}
