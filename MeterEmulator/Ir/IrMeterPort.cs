using NSec.Cryptography;
using SmsVending.Contracts.Ir;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>An emulated STS meter's infrared port: the meter's side of the IR session over the protocol in Contracts/Ir. It signs one
/// request per session and credits only what a confirmation it verified carries, through its own STS token checks.</summary>
public sealed class IrMeterPort : IDisposable
{
    private readonly Key identity;
    private readonly PublicKey host;
    private readonly TimeProvider time;
    private IrMeterHello? hello;
    private IrSession? session;
    private (IrPurchaseRequest Asked, byte[] Frame, byte[] Transcript)? request;

    /// <summary>The port of a meter enrolled for IR sessions (it holds an identity key and the host key it trusts).</summary>
    public IrMeterPort(StsMeterState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IrIdentityKey is not { } seed || state.IrHostKey is not { } hostKey)
        {
            throw new InvalidOperationException($"meter {state.MeterNumber} is not enrolled for IR sessions: run `ir enrol` (the factory step) first");
        }

        (State, this.time) = (state, time);
        identity = IrIdentity.Import(Convert.FromHexString(seed));
        host = IrIdentity.ParsePublicKey(hostKey);
    }

    /// <summary>The meter's state, credited by each confirmation it accepts.</summary>
    public StsMeterState State { get; private set; }

    /// <summary>Frame 1 of a new session; a session in progress is abandoned.</summary>
    public byte[] Hello()
    {
        Close();
        hello = IrHandshake.Hello(State.MeterNumber);
        return hello.Frame;
    }

    /// <summary>Frame 2: checked against this session's frame 1 and the trusted host key; the process key is derived.</summary>
    public void HostHello(byte[] frame)
    {
        if (hello is null)
        {
            throw new IrProtocolException(IrRefusal.UnexpectedFrame, "no hello of this meter awaits an answer");
        }

        session = IrHandshake.Accept(hello, frame, host);
        hello.Dispose();
        hello = null;
    }

    /// <summary>Frame 3: the purchase the phone passed, signed and encrypted. The same purchase again gives the same frame; another one in
    /// this session is refused, since each key may seal one frame only.</summary>
    public byte[] Request(string phone, decimal amount, string? pin = null)
    {
        if (session is null)
        {
            throw new IrProtocolException(IrRefusal.UnexpectedFrame, "no authenticated session: a hello and the host's answer come first");
        }

        var asked = new IrPurchaseRequest(State.MeterNumber, phone, amount, pin);
        if (request is { } made)
        {
            return made.Asked == asked ? made.Frame
                : throw new IrProtocolException(IrRefusal.RequestConflict, "this session carries another request already; start a new session");
        }

        if (time.GetUtcNow() >= session.ExpiresAt)
        {
            throw new IrProtocolException(IrRefusal.SessionExpired, $"the session expired at {session.ExpiresAt:O}; start a new one");
        }

        var frame = IrSealing.Request(session, identity, asked);
        request = (asked, frame, IrSealing.RequestTranscript(session.Transcript, frame));
        return frame;
    }

    /// <summary>Frame 4: opened and verified, then its tokens are keyed into the meter in order. The session then closes, so a replayed
    /// confirmation is refused (and its tokens would be refused as Used by the TID memory anyway).</summary>
    public IrCredit Confirm(byte[] frame)
    {
        if (session is null || request is not { } made)
        {
            throw new IrProtocolException(IrRefusal.UnexpectedFrame, "no request of this meter awaits a confirmation");
        }

        var confirmation = IrSealing.OpenConfirmation(frame, session, made.Transcript, host);
        Close();
        var entries = new List<IrTokenEntry>();
        foreach (var token in confirmation.Tokens)
        {
            var entry = StsMeter.Enter(State, token, time.GetUtcNow());
            State = entry.State;
            entries.Add(new IrTokenEntry(token, entry.Result, entry.Detail));
        }

        return new IrCredit(confirmation, entries, State.Credit);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        identity.Dispose();
    }

    private void Close()
    {
        hello?.Dispose();
        (hello, session, request) = (null, null, null);
    }
}

/// <summary>What a confirmation did to the meter: the host's confirmation, each token's result, and the credit after.</summary>
public sealed record IrCredit(IrConfirmation Confirmation, IReadOnlyList<IrTokenEntry> Entries, decimal Credit);

/// <summary>One token of a confirmation as the meter took it.</summary>
public sealed record IrTokenEntry(string Token, MeterResult Result, string Detail);
