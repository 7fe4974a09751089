namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The customers' side of STK pushes, off the request path: each prompted customer behaves as set for their phone, and
/// the result goes to the push's CallBackURL (twice for a duplicate; after a while for a late answer; never for no answer).</summary>
internal sealed class CustomerWorker(
    StkPushes pushes, LateAnswers late, CallbackPoster callbacks, MobileMoneySettings settings, TimeProvider time, ILogger<CustomerWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.CallbackWorkers)).Select(_ => AnswerAllAsync(stoppingToken)));

    private async Task AnswerAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var push in pushes.Queue.ReadAllAsync(stoppingToken))
        {
            if (push.Behaviour == CustomerBehaviour.AnswersLate)
            {
                _ = AnswerLateAsync(push, stoppingToken); // a slow customer holds up no one else
                continue;
            }

            await AnswerSafelyAsync(push, stoppingToken);
        }
    }

    private async Task AnswerLateAsync(StkPushRecord push, CancellationToken stoppingToken)
    {
        try
        {
            await late.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await AnswerSafelyAsync(push, stoppingToken);
    }

    private async Task AnswerSafelyAsync(StkPushRecord push, CancellationToken stoppingToken)
    {
        try
        {
            await AnswerAsync(push, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Answering STK push {CheckoutRequestId} failed", push.CheckoutRequestId);
        }
    }

    private async Task AnswerAsync(StkPushRecord push, CancellationToken cancellationToken)
    {
        if (push.Behaviour == CustomerBehaviour.NeverAnswers)
        {
            return;
        }

        var code = push.Behaviour switch
        {
            CustomerBehaviour.Cancels => 1032,
            CustomerBehaviour.InsufficientFunds => 1,
            _ => settings.Customers.TryDebit(push.Phone, push.Amount) ? 0 : 1,
        };
        var receipt = code == 0 ? DarajaIds.Receipt("TK") : null;
        var now = time.GetUtcNow();
        pushes.Update(push with { ResultCode = code, Receipt = receipt });
        var body = StkCallbackJson.Of(push, code, receipt, now);
        await callbacks.DeliverAsync(push.CallbackUrl, body, cancellationToken);
        if (push.Behaviour == CustomerBehaviour.DuplicateCallback)
        {
            await callbacks.DeliverAsync(push.CallbackUrl, body, cancellationToken);
        }
    }
}
