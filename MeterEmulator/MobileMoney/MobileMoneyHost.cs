using SmsVending.MeterEmulator.Hosting;

namespace SmsVending.MeterEmulator.MobileMoney;

/// <summary>The mobile-money provider running in this process on Kestrel: Daraja's OAuth and STK push API, the customers who
/// answer the prompts, and C2B payments to the Gateway. Tests, the load driver and the `money` command start one; dispose it to stop it.</summary>
public sealed class MobileMoneyHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StkPushes pushes;
    private readonly LateAnswers late;
    private readonly C2bSender c2b;

    private MobileMoneyHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Settings = app.Services.GetRequiredService<MobileMoneySettings>();
        pushes = app.Services.GetRequiredService<StkPushes>();
        late = app.Services.GetRequiredService<LateAnswers>();
        c2b = app.Services.GetRequiredService<C2bSender>();
    }

    /// <summary>Where Daraja's API listens: the Gateway's <c>Gateway:Mpesa:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's credentials, the paybill, the Gateway, and the customers (changeable while running).</summary>
    public MobileMoneySettings Settings { get; }

    /// <summary>The customers' behaviour and wallets (the same object as <see cref="MobileMoneySettings.Customers"/>).</summary>
    public MobileMoneyCustomers Customers => Settings.Customers;

    /// <summary>Every STK push accepted so far, oldest first, with its result once the callback was made.</summary>
    public IReadOnlyCollection<StkPushRecord> Pushes => pushes.All;

    /// <summary>How many late answers are being held back now.</summary>
    public int LateAnswersWaiting => late.Waiting;

    /// <summary>Starts the provider on <paramref name="url"/> (default: a free loopback port).</summary>
    public static async Task<MobileMoneyHost> StartAsync(
        MobileMoneySettings settings, string url = "http://127.0.0.1:0", TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var (app, address) = await EmulatorWebHost.StartAsync(url, services => services.AddMobileMoney(settings, time ?? TimeProvider.System), routes =>
        {
            routes.MapDarajaOAuth();
            routes.MapStkPush();
            routes.MapMobileMoneyControl();
        }, cancellationToken);
        return new MobileMoneyHost(app, address);
    }

    /// <summary>A customer pays the paybill: validation (when on), then the confirmation; with <paramref name="duplicate"/> the
    /// confirmation is sent twice with the same TransID. The wallet is debited (an <see cref="InvalidOperationException"/> when
    /// it holds too little) and refunded when validation refuses.</summary>
    /// <param name="accountReference">BillRefNumber: a meter number, or a phone for a wallet top-up.</param>
    public Task<C2bPayment> SendC2bAsync(
        string phone, string accountReference, decimal amount, bool duplicate = false, string firstName = "JOHN", CancellationToken cancellationToken = default) =>
        c2b.SendAsync(phone, accountReference, amount, duplicate, firstName, cancellationToken);

    /// <summary>Lets every late answer held back now go at once.</summary>
    public void ReleaseLateAnswers() => late.Release();

    /// <summary>Waits until the host stops (Ctrl+C, or the token).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the API and the customers' worker.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
