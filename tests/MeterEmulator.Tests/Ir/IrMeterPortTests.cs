using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using SmsVending.Contracts.Ir;
using SmsVending.MeterEmulator.Ir;
using SmsVending.MeterEmulator.Meters;
using SmsVending.MeterEmulator.Tests.Meters;

namespace SmsVending.MeterEmulator.Tests.Ir;

/// <summary>The meter's IR port against a host played by the protocol's own code: it credits only a verified confirmation, once.</summary>
public sealed class IrMeterPortTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestMeter.Example2Time;
    private readonly Key host = IrIdentity.Create();
    private readonly FakeTimeProvider clock = new(Now);
    private readonly IrMeterPort port;

    public IrMeterPortTests() => port = new IrMeterPort(TestMeter.State() with
    {
        IrIdentityKey = IrEnrolment.NewIdentityKey(), IrHostKey = Convert.ToHexString(IrIdentity.PublicKeyOf(host)),
    }, clock);

    [Fact]
    public void Confirm_Issued_KeysTheTokensInAndCredits()
    {
        var (session, request) = Open();
        var token = TestMeter.Credit(25.6m, TestMeter.Tid(Now));

        var credit = port.Confirm(Confirmation(session, request, token));

        Assert.Equal([MeterResult.Accept], credit.Entries.Select(e => e.Result));
        Assert.Equal(25.6m, credit.Credit);
        Assert.Equal(25.6m, port.State.Credit);
    }

    [Fact]
    public void Confirm_Replayed_IsRefusedAndCreditsOnce()
    {
        var (session, request) = Open();
        var confirmation = Confirmation(session, request, TestMeter.Credit(10m, TestMeter.Tid(Now)));
        port.Confirm(confirmation);

        var error = Assert.Throws<IrProtocolException>(() => port.Confirm(confirmation));

        Assert.Equal(IrRefusal.UnexpectedFrame, error.Reason);
        Assert.Equal(10m, port.State.Credit);
    }

    [Fact]
    public void Confirm_Altered_IsRefusedAndTheSessionWaitsForTheRealOne()
    {
        var (session, request) = Open();
        var confirmation = Confirmation(session, request, TestMeter.Credit(10m, TestMeter.Tid(Now)));
        var altered = (byte[])confirmation.Clone();
        altered[30] ^= 4;

        Assert.Equal(IrRefusal.Undecryptable, Assert.Throws<IrProtocolException>(() => port.Confirm(altered)).Reason);
        Assert.Equal(10m, port.Confirm(confirmation).Credit);
    }

    [Fact]
    public void Confirm_BeforeARequest_IsUnexpected()
    {
        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => port.Confirm(new byte[40])).Reason);
    }

    [Fact]
    public void HostHello_AnsweringAnEarlierHello_IsRefused()
    {
        var earlier = port.Hello();
        var (answer, _) = IrHandshake.Answer(earlier, host, new byte[16], Now.AddMinutes(2));
        port.Hello();

        Assert.Equal(IrRefusal.BadSignature, Assert.Throws<IrProtocolException>(() => port.HostHello(answer)).Reason);
    }

    [Fact]
    public void Request_AfterTheSessionExpired_IsRefused()
    {
        port.HostHello(IrHandshake.Answer(port.Hello(), host, new byte[16], Now.AddMinutes(2)).Frame);
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(IrRefusal.SessionExpired, Assert.Throws<IrProtocolException>(() => port.Request("+254711000001", 100m)).Reason);
    }

    [Fact]
    public void Request_SameAgainGivesTheSameFrame_AnotherIsRefused()
    {
        var (_, request) = Open();

        Assert.Equal(request, port.Request("+254711000001", 100m));
        Assert.Equal(IrRefusal.RequestConflict, Assert.Throws<IrProtocolException>(() => port.Request("+254711000001", 200m)).Reason);
    }

    [Fact]
    public void Request_WithoutASession_IsUnexpected()
    {
        port.Hello();

        Assert.Equal(IrRefusal.UnexpectedFrame, Assert.Throws<IrProtocolException>(() => port.Request("+254711000001", 100m)).Reason);
    }

    [Fact]
    public void Port_OfAMeterNotEnrolled_SaysHowToEnrolIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new IrMeterPort(TestMeter.State(), clock));

        Assert.Contains("ir enrol", error.Message);
    }

    public void Dispose()
    {
        port.Dispose();
        host.Dispose();
    }

    private (IrSession Session, byte[] Request) Open()
    {
        var (answer, session) = IrHandshake.Answer(port.Hello(), host, System.Security.Cryptography.RandomNumberGenerator.GetBytes(16), Now.AddMinutes(2));
        port.HostHello(answer);
        return (session, port.Request("+254711000001", 100m));
    }

    private byte[] Confirmation(IrSession session, byte[] request, params string[] tokens) =>
        IrSealing.Confirmation(session, IrSealing.RequestTranscript(session.Transcript, request), host,
            new IrConfirmation(IrOutcome.Issued, session.MeterNumber, Guid.NewGuid(), tokens, 10m, "kWh"));
}
