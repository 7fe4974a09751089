namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>Holds back the customers who answer late: each waits for <see cref="MobileMoneySettings.LateAnswerDelay"/> on the
/// provider's clock (a fake one in tests) or until <see cref="Release"/>, whichever comes first.</summary>
internal sealed class LateAnswers(MobileMoneySettings settings, TimeProvider time)
{
    private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waiting;

    /// <summary>How many answers are being held back now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var released = Volatile.Read(ref release).Task;
        var delay = Task.Delay(settings.LateAnswerDelay, time, cancellationToken);
        Interlocked.Increment(ref waiting); // counted once the timer runs, so a test that sees it may move the clock
        try
        {
            await Task.WhenAny(released, delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    /// <summary>Lets every answer held back now go.</summary>
    public void Release() => Interlocked.Exchange(ref release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
