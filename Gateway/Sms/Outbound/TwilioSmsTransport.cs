using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>Sends through the Twilio SDK (<see cref="MessageResource"/>) at the configured API base URL, asking for delivery
/// reports at our public URL. Polly retries brief faults (the HTTP client times out slow calls) and stops calling a failing Twilio for a while;
/// whatever still fails goes back to the outbox for a later try.</summary>
internal sealed class TwilioSmsTransport : SmsTransport, IDisposable
{
    private readonly System.Net.Http.HttpClient http;
    private readonly TwilioRestClient client;
    private readonly GatewayOptions options;
    private readonly ResiliencePipeline pipeline;

    public TwilioSmsTransport(GatewayOptions options, ILogger<TwilioSmsTransport> log)
    {
        this.options = options;
        var twilio = options.Twilio;
        http = new System.Net.Http.HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = twilio.SendConcurrency,
        }) { Timeout = TimeSpan.FromSeconds(10) }; // the SDK takes no cancellation token, so the HTTP client times each attempt out
        client = new TwilioRestClient(twilio.AccountSid, twilio.AuthToken, twilio.AccountSid, httpClient: new TwilioApiHttpClient(http, twilio.ApiBaseUrl));
        var transient = new PredicateBuilder()
            .Handle<HttpRequestException>()
            .Handle<ApiConnectionException>()
            .Handle<TaskCanceledException>()
            .Handle<ApiException>(e => e.Status is >= 500 or 429);
        pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = transient, MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient, FailureRatio = 0.5, MinimumThroughput = 20, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(15),
                OnOpened = _ =>
                {
                    log.LogWarning("Twilio keeps failing: SMS wait in the outbox for 15 s before the next try");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public override async Task<SmsAccepted> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await pipeline.ExecuteAsync(async _ => await MessageResource.CreateAsync(
                to: new PhoneNumber(message.Phone), from: new PhoneNumber(options.Twilio.From), body: message.Body, statusCallback: StatusCallback(message),
                client: client), cancellationToken);
            return new SmsAccepted(OutboundStatus.Queued, sent.Sid);
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500 and not 429)
        {
            throw new SmsRefusedException($"Twilio refused it: {e.Code} {e.Message}");
        }
    }

    public void Dispose() => http.Dispose();

    // Our row id in the URL: a delivery report may arrive before Twilio's answer to the send does.
    private Uri? StatusCallback(OutboundMessage message) =>
        options.PublicBaseUrl is { } root ? new Uri($"{root.AbsoluteUri.TrimEnd('/')}/sms/twilio/status?id={message.Id}") : null;
}
