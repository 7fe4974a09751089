using NSec.Cryptography;
using SmsVending.Contracts.Ir;

namespace SmsVending.Contracts.Tests.Ir;

/// <summary>The protocol's four frames between an in-memory meter and host: the happy path, and refusal of every altered, replayed,
/// reordered or foreign frame.</summary>
public sealed class IrSessionTests : IDisposable
{
    private const string Meter = "04123456789";
    private static readonly DateTimeOffset Expiry = new(2026, 11, 24, 12, 2, 0, TimeSpan.Zero);
    private static readonly IrPurchaseRequest Purchase = new(Meter, "+254711000001", 500m, "1234");

    private readonly Key host = IrIdentity.Create();
    private readonly Key meter = IrIdentity.Create();

    private PublicKey HostPublic => host.PublicKey;

    private PublicKey MeterPublic => meter.PublicKey;

    [Fact]
    public void Session_HappyPath_MeterAndHostAgreeOnRequestAndConfirmation()
    {
        var run = Run();

        var (request, transcript) = IrSealing.OpenRequest(run.Request, run.HostSession, MeterPublic);
        var confirmation = IrSealing.OpenConfirmation(run.Confirmation, run.MeterSession, IrSealing.RequestTranscript(run.MeterSession.Transcript, run.Request), HostPublic);

        Assert.Equal(Purchase, request);
        Assert.Equal(transcript, IrSealing.RequestTranscript(run.MeterSession.Transcript, run.Request));
        Assert.Equal(run.HostSession.Keys, run.MeterSession.Keys);
        Assert.Equal((Expiry, Meter), (run.MeterSession.ExpiresAt, run.MeterSession.MeterNumber));
        Assert.Equal(["12345678901234567890"], confirmation.Tokens);
    }

    [Fact]
    public void Session_TwoPurchases_NeverShareAProcessKeyOrSession()
    {
        var (first, second) = (Run(), Run());

        Assert.NotEqual(first.HostSession.SessionId, second.HostSession.SessionId);
        Assert.NotEqual(first.HostSession.MeterToHost, second.HostSession.MeterToHost);
        Assert.NotEqual(first.HostSession.HostToMeter, second.HostSession.HostToMeter);
        Assert.NotEqual(first.HostSession.MeterToHost, first.HostSession.HostToMeter);
    }

    [Fact]
    public void Frame1_AnyBitFlipped_IsRefusedByTheHostOrTheMeter()
    {
        using var hello = IrHandshake.Hello(Meter);
        for (var bit = 0; bit < hello.Frame.Length * 8; bit++)
        {
            var refused = Refuses(() =>
            {
                var (answer, _) = IrHandshake.Answer(Flipped(hello.Frame, bit), host, NewSessionId(), Expiry);
                IrHandshake.Accept(hello, answer, HostPublic);
            });
            Assert.True(refused, $"bit {bit} of frame 1 flipped went through");
        }
    }

    [Fact]
    public void Frame2_AnyBitFlipped_IsRefusedByTheMeter()
    {
        using var hello = IrHandshake.Hello(Meter);
        var (answer, _) = IrHandshake.Answer(hello.Frame, host, NewSessionId(), Expiry);

        AssertEveryBitRefused(answer, frame => IrHandshake.Accept(hello, frame, HostPublic), 2);
    }

    [Fact]
    public void Frame3_AnyBitFlipped_IsRefusedByTheHost()
    {
        var run = Run();

        AssertEveryBitRefused(run.Request, frame => IrSealing.OpenRequest(frame, run.HostSession, MeterPublic), 3);
    }

    [Fact]
    public void Frame4_AnyBitFlipped_IsRefusedByTheMeter()
    {
        var run = Run();
        var transcript = IrSealing.RequestTranscript(run.MeterSession.Transcript, run.Request);

        AssertEveryBitRefused(run.Confirmation, frame => IrSealing.OpenConfirmation(frame, run.MeterSession, transcript, HostPublic), 4);
    }

    [Fact]
    public void Frame2_ReplayedFromAnotherSession_IsRefused()
    {
        var earlier = Run();
        using var hello = IrHandshake.Hello(Meter);

        var error = Assert.Throws<IrProtocolException>(() => IrHandshake.Accept(hello, earlier.HostHello, HostPublic));

        Assert.Equal(IrRefusal.BadSignature, error.Reason);
    }

    [Fact]
    public void Frame3_ReplayedIntoAnotherSession_IsRefused()
    {
        var (earlier, now) = (Run(), Run());

        var error = Assert.Throws<IrProtocolException>(() => IrSealing.OpenRequest(earlier.Request, now.HostSession, MeterPublic));

        Assert.Equal(IrRefusal.UnknownSession, error.Reason);
    }

    [Fact]
    public void Frame3_ReplayedIntoAnotherSessionUnderItsId_DoesNotDecrypt()
    {
        var (earlier, now) = (Run(), Run());
        var relabelled = IrFrame.Decode(earlier.Request) with { SessionId = now.HostSession.SessionId };

        var error = Assert.Throws<IrProtocolException>(() => IrSealing.OpenRequest(relabelled.Encode(), now.HostSession, MeterPublic));

        Assert.Equal(IrRefusal.Undecryptable, error.Reason);
    }

    [Fact]
    public void Frame4_ReplayedIntoAnotherSession_IsRefused()
    {
        var (earlier, now) = (Run(), Run());
        var relabelled = IrFrame.Decode(earlier.Confirmation) with { SessionId = now.MeterSession.SessionId };

        var error = Assert.Throws<IrProtocolException>(() =>
            IrSealing.OpenConfirmation(relabelled.Encode(), now.MeterSession, IrSealing.RequestTranscript(now.MeterSession.Transcript, now.Request), HostPublic));

        Assert.Equal(IrRefusal.Undecryptable, error.Reason);
    }

    [Fact]
    public void Frames_Reordered_AreUnexpected()
    {
        var run = Run();
        using var hello = IrHandshake.Hello(Meter);

        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => IrHandshake.Accept(hello, run.Confirmation, HostPublic)).Reason);
        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => IrHandshake.ReadHello(run.Request)).Reason);
        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => IrSealing.OpenRequest(run.Confirmation, run.HostSession, MeterPublic)).Reason);
    }

    [Fact]
    public void Frame3_SignedByAnotherMeterKey_IsRefused()
    {
        using var impostor = IrIdentity.Create();
        var run = Run(impostor);

        var error = Assert.Throws<IrProtocolException>(() => IrSealing.OpenRequest(run.Request, run.HostSession, MeterPublic));

        Assert.Equal(IrRefusal.BadSignature, error.Reason);
    }

    [Fact]
    public void Frame2_SignedByAnotherHost_IsRefused()
    {
        using var hello = IrHandshake.Hello(Meter);
        using var impostor = IrIdentity.Create();
        var (answer, _) = IrHandshake.Answer(hello.Frame, impostor, NewSessionId(), Expiry);

        Assert.Equal(IrRefusal.BadSignature, Assert.Throws<IrProtocolException>(() => IrHandshake.Accept(hello, answer, HostPublic)).Reason);
    }

    [Fact]
    public void Frame3_ForAnotherMeterThanTheSession_IsRefused()
    {
        var run = Run(request: Purchase with { MeterNumber = "01234567890" });

        Assert.Equal(IrRefusal.UnknownMeter, Assert.Throws<IrProtocolException>(() => IrSealing.OpenRequest(run.Request, run.HostSession, MeterPublic)).Reason);
    }

    [Fact]
    public void Answer_LowOrderEphemeralKey_FailsTheKeyAgreement()
    {
        var hello = new IrHello(Meter, new byte[32], new byte[32]); // the all-zero point gives an all-zero secret
        var frame = new IrFrame(IrFrameType.Hello, new byte[16], hello.Encode()).Encode();

        var error = Assert.Throws<IrProtocolException>(() => IrHandshake.Answer(frame, host, NewSessionId(), Expiry));

        Assert.Equal(IrRefusal.KeyAgreementFailed, error.Reason);
    }

    [Fact]
    public void Identity_ExportedAndImported_SignsTheSame()
    {
        using var copy = IrIdentity.Import(IrIdentity.Export(meter));

        Assert.Equal(IrIdentity.PublicKeyOf(meter), IrIdentity.PublicKeyOf(copy));
        Assert.Equal(IrIdentity.PublicKeyOf(meter), IrIdentity.ImportPublicKey(IrIdentity.PublicKeyOf(meter)).Export(KeyBlobFormat.RawPublicKey));
        Assert.Throws<ArgumentException>(() => IrIdentity.ParsePublicKey("abc"));
    }

    public void Dispose()
    {
        host.Dispose();
        meter.Dispose();
    }

    private sealed record Exchange(byte[] HostHello, IrSession HostSession, IrSession MeterSession, byte[] Request, byte[] Confirmation);

    private Exchange Run(Key? signer = null, IrPurchaseRequest? request = null)
    {
        using var hello = IrHandshake.Hello(Meter);
        var (answer, hostSession) = IrHandshake.Answer(hello.Frame, host, NewSessionId(), Expiry);
        var meterSession = IrHandshake.Accept(hello, answer, HostPublic);
        var requestFrame = IrSealing.Request(meterSession, signer ?? meter, request ?? Purchase);
        var confirmation = IrSealing.Confirmation(hostSession, IrSealing.RequestTranscript(hostSession.Transcript, requestFrame), host,
            new IrConfirmation(IrOutcome.Issued, Meter, Guid.NewGuid(), ["12345678901234567890"], 28.7m, "kWh"));
        return new Exchange(answer, hostSession, meterSession, requestFrame, confirmation);
    }

    private static void AssertEveryBitRefused(byte[] frame, Action<byte[]> open, int number)
    {
        for (var bit = 0; bit < frame.Length * 8; bit++)
        {
            Assert.True(Refuses(() => open(Flipped(frame, bit))), $"bit {bit} of frame {number} flipped went through");
        }
    }

    private static bool Refuses(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (IrProtocolException)
        {
            return true;
        }
    }

    private static byte[] Flipped(byte[] frame, int bit)
    {
        var copy = (byte[])frame.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] NewSessionId() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(IrFrame.SessionIdLength);
}
