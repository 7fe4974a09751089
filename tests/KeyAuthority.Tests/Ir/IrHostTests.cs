using Dapper;
using NSec.Cryptography;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.KeyAuthority.Ir;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.KeyAuthority.Tests.Ir;

/// <summary>The host's side of IR sessions on a real SQLite store, driven by a meter made of the protocol's own code.</summary>
public class IrHostTests(DatabaseProvider provider = DatabaseProvider.Sqlite) : KeyAuthorityTest(provider), IDisposable
{
    private readonly Key meterKey = IrIdentity.Create();
    private string[] meters = [];
    private PublicKey hostKey = null!;

    private IrHost Host => Authority.Get<IrHost>();

    protected override async Task SeedAsync()
    {
        meters = await Authority.AddStsMetersAsync(2);
        var registered = Assert.IsType<MeterIdentityRegistered>(await Register(meters[0], meterKey));
        hostKey = IrIdentity.ParsePublicKey(registered.HostPublicKey);
    }

    [Fact]
    public async Task Hello_RegisteredMeter_OpensASessionTheMeterAccepts()
    {
        using var hello = IrHandshake.Hello(meters[0]);

        var answer = await Host.AnswerAsync(hello.Frame);

        var session = IrHandshake.Accept(hello, answer.Frame, hostKey);
        Assert.Equal(session.SessionHex, answer.SessionId);
        Assert.Equal(Authority.Clock.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds(), session.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Hello_MeterWithoutIdentityKey_IsRefused()
    {
        using var hello = IrHandshake.Hello(meters[1]);

        var answer = await Host.AnswerAsync(hello.Frame);

        Assert.Equal(IrRefusal.UnknownMeter, answer.Refusal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions"));
    }

    [Fact]
    public async Task Request_FirstTime_IsPendingAndPublishesThePurchaseUnderTheSessionsKey()
    {
        var (session, request) = await OpenAsync();

        var answer = await Host.AnswerAsync(request);

        Assert.True(answer.Pending);
        var purchase = Assert.IsType<Contracts.Vending.PurchaseRequested>(answer.Publish);
        Assert.Equal(("ir:" + session.SessionHex, "ir", "+254711000001", meters[0], 500m, "1234"),
            (purchase.IdempotencyKey, purchase.Channel, purchase.Phone, purchase.MeterNumber, purchase.Amount, purchase.Pin));
        Assert.Equal(session.SessionHex, IrPurchaseKey.SessionOf(purchase.IdempotencyKey));
    }

    [Fact]
    public async Task Request_Again_IsPendingAndPublishesAgainOnlyOnceTheRepublishTimeHasPassed()
    {
        var (_, request) = await OpenAsync();
        await Host.AnswerAsync(request);

        var soon = await Host.AnswerAsync(request);
        Authority.Clock.Advance(TimeSpan.FromSeconds(10));
        var later = await Host.AnswerAsync(request);
        var again = await Host.AnswerAsync(request);

        Assert.True(soon.Pending && later.Pending && again.Pending);
        Assert.Null(soon.Publish);
        Assert.NotNull(later.Publish);
        Assert.Null(again.Publish);
    }

    [Fact]
    public async Task Request_AfterTheDecision_AnswersTheSameConfirmationEveryTime()
    {
        var (session, request) = await OpenAsync();
        await Host.AnswerAsync(request);
        var purchase = Guid.NewGuid();

        await Host.ConfirmAsync(session.SessionHex, meter => new IrConfirmation(IrOutcome.Issued, meter, purchase, ["12345678901234567890"], 28.7m, "kWh"));
        await Host.ConfirmAsync(session.SessionHex, meter => new IrConfirmation(IrOutcome.Refused, meter, purchase, [], 0m, "", 11, "late"));
        var first = await Host.AnswerAsync(request);
        var second = await Host.AnswerAsync(request);

        Assert.Equal(first.Frame, second.Frame);
        Assert.Null(second.Publish);
        var confirmation = IrSealing.OpenConfirmation(first.Frame, session, IrSealing.RequestTranscript(session.Transcript, request), hostKey);
        Assert.Equal((IrOutcome.Issued, purchase), (confirmation.Outcome, confirmation.PurchaseId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions WHERE sealed_keys IS NOT NULL")); // the process key is gone
    }

    [Fact]
    public async Task Request_AfterTheSessionExpired_IsRefusedAndTheKeyForgotten()
    {
        var (_, request) = await OpenAsync();
        Authority.Clock.Advance(TimeSpan.FromMinutes(2));

        var answer = await Host.AnswerAsync(request);

        Assert.Equal(IrRefusal.SessionExpired, answer.Refusal);
        Assert.Null(answer.Publish);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions WHERE sealed_keys IS NOT NULL"));
    }

    [Fact]
    public async Task Request_SignedByAnotherMeterKey_IsRefusedAndStartsNothing()
    {
        using var impostor = IrIdentity.Create();
        var (_, request) = await OpenAsync(impostor);

        var answer = await Host.AnswerAsync(request);

        Assert.Equal(IrRefusal.BadSignature, answer.Refusal);
        Assert.Null(answer.Publish);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions WHERE request_transcript IS NOT NULL"));
    }

    [Fact]
    public async Task Request_AlteredAfterTheSessionTookOne_IsAConflict()
    {
        var (_, request) = await OpenAsync();
        await Host.AnswerAsync(request);
        var altered = (byte[])request.Clone();
        altered[^1] ^= 0x80;

        var answer = await Host.AnswerAsync(altered);

        Assert.Equal(IrRefusal.RequestConflict, answer.Refusal);
    }

    [Fact]
    public async Task Request_ResentAfterTheMeterStartedAnotherSession_StartsNoSecondPurchase()
    {
        var (_, request) = await OpenAsync();
        await Host.AnswerAsync(request);
        await OpenAsync(); // the meter has since started another session

        var replayed = await Host.AnswerAsync(request);

        Assert.True(replayed.Pending);
        Assert.Null(replayed.Publish);
    }

    [Fact]
    public async Task Frames_NotForTheHost_OrForNoSession_AreRefused()
    {
        var (session, request) = await OpenAsync();
        var unknown = IrFrame.Decode(request) with { SessionId = new byte[IrFrame.SessionIdLength] };
        var hostHello = new IrFrame(IrFrameType.HostHello, session.SessionId, new byte[10]).Encode();

        Assert.Equal(IrRefusal.UnknownSession, (await Host.AnswerAsync(unknown.Encode())).Refusal);
        Assert.Equal(IrRefusal.UnexpectedFrame, (await Host.AnswerAsync(hostHello)).Refusal);
        Assert.Equal(IrRefusal.Malformed, (await Host.AnswerAsync([1, 2, 3])).Refusal);
    }

    [Fact]
    public async Task TwoSessions_NeverShareAProcessKey()
    {
        var (first, _) = await OpenAsync();
        var (second, _) = await OpenAsync();

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.NotEqual(first.MeterToHost, second.MeterToHost);
        Assert.NotEqual(first.HostToMeter, second.HostToMeter);
    }

    [Fact]
    public async Task RegisterIdentity_SameKeyAgainIsAccepted_AnotherOrAMalformedOneOrAnUnknownMeterIsRefused()
    {
        using var other = IrIdentity.Create();

        Assert.IsType<MeterIdentityRegistered>(await Register(meters[0], meterKey));
        var another = Assert.IsType<MeterIdentityRefused>(await Register(meters[0], other));
        var malformed = Assert.IsType<MeterIdentityRefused>(await Authority.Get<MeterIdentities>().RegisterAsync(new RegisterMeterIdentity(meters[1], "abcd")));
        var unknown = Assert.IsType<MeterIdentityRefused>(await Register(Contracts.Tokens.Sts.MeterNumber.Create("0999999999").Digits, other));

        Assert.Contains("another identity key already", another.Reason);
        Assert.Contains("64 hex digits", malformed.Reason);
        Assert.StartsWith("no meter", unknown.Reason);
        Assert.Equal([RefusalKind.Conflict, RefusalKind.Invalid, RefusalKind.NotFound], [another.Kind, malformed.Kind, unknown.Kind]);
    }

    [Fact]
    public async Task Reseal_KeepsTheHostKeyAndOpenSessions()
    {
        var (_, request) = await OpenAsync();
        var next = Path.Combine(Database.Folder, "next.key");
        MasterKey.Create(next);
        using (var nextSealer = new KeySealer(MasterKey.Load(next)))
        {
            await KeyResealer.ResealAsync(Authority.Get<KeyAuthorityDatabase>(), Authority.Get<KeySealer>(), nextSealer);
        }

        await using var resealed = await TestKeyAuthority.StartAsync(Database, s => s["KeyAuthority:MasterKeyFile"] = next, Authority.Clock.GetUtcNow());
        var answer = await resealed.Get<IrHost>().AnswerAsync(request);

        Assert.True(answer.Pending, answer.Message);
        Assert.Equal(Convert.ToHexStringLower(hostKey.Export(KeyBlobFormat.RawPublicKey)), await resealed.Get<HostIdentity>().PublicKeyHexAsync());
    }

    [Fact]
    public async Task Sweep_AbandonedSessions_LoseTheirKeysWhenExpiredAndTheirRowsAfterTheRetention_SessionsWithARequestStay()
    {
        var (_, abandonedRequest) = await OpenAsync();
        var (_, request) = await OpenAsync();
        await Host.AnswerAsync(request);
        var sweeper = Authority.Get<IrSessionSweeper>();

        var early = await sweeper.SweepAsync();
        Authority.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await sweeper.SweepAsync();
        var keysLeft = await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions WHERE sealed_keys IS NOT NULL");
        Authority.Clock.Advance(TimeSpan.FromDays(1));
        var forgotten = await sweeper.SweepAsync();

        Assert.Equal((0, 0), early);
        Assert.Equal((1, 0), expired);
        Assert.Equal(1, keysLeft); // the session with a request keeps its key until its confirmation is made
        Assert.Equal((0, 1), forgotten);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM ka_ir_sessions"));
        Assert.Equal(IrRefusal.UnknownSession, (await Host.AnswerAsync(abandonedRequest)).Refusal);
        Assert.True((await Host.AnswerAsync(request)).Pending);
    }

    public void Dispose()
    {
        meterKey.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(IrSession Session, byte[] Request)> OpenAsync(Key? signer = null)
    {
        using var hello = IrHandshake.Hello(meters[0]);
        var session = IrHandshake.Accept(hello, (await Host.AnswerAsync(hello.Frame)).Frame, hostKey);
        return (session, IrSealing.Request(session, signer ?? meterKey, new IrPurchaseRequest(meters[0], "+254711000001", 500m, "1234")));
    }

    private Task<object> Register(string meter, Key key) =>
        Authority.Get<MeterIdentities>().RegisterAsync(new RegisterMeterIdentity(meter, Convert.ToHexString(IrIdentity.PublicKeyOf(key))));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await Authority.Get<KeyAuthorityDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

/// <summary>The same on PostgreSQL (ops/postgres.sh).</summary>
public sealed class PostgresIrHostTests() : IrHostTests(DatabaseProvider.Postgres);
