using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.Vending;
using SmsVending.KeyAuthority.Keys;

namespace SmsVending.KeyAuthority.Ir;

/// <summary>The sales host's side of the IR session: answers frame 1 with frame 2 (a new session), takes frame 3 once (the purchase then
/// runs through Vending like any other), and answers every later copy of frame 3 with the one stored frame 4.</summary>
internal sealed class IrHost(IrSessionStore sessions, MeterIdentities identities, HostIdentity host, KeySealer sealer, KeyAuthorityOptions options,
    TimeProvider clock, ILogger<IrHost> log)
{
    /// <summary>The channel Vending records IR purchases under.</summary>
    public const string Channel = "ir";

    /// <summary>Answers a frame the phone relayed; a refused frame changes nothing.</summary>
    public async Task<IrAnswer> AnswerAsync(byte[] frame, CancellationToken cancellationToken = default)
    {
        try
        {
            var decoded = IrFrame.Decode(frame);
            return decoded.Type switch
            {
                IrFrameType.Hello => await OpenAsync(frame, cancellationToken),
                IrFrameType.Request => await RequestAsync(frame, decoded.SessionHex, cancellationToken),
                _ => throw new IrProtocolException(IrRefusal.UnexpectedFrame, $"the host takes frames 1 (hello) and 3 (request), not {(int)decoded.Type} ({decoded.Type})"),
            };
        }
        catch (IrProtocolException e)
        {
            log.LogInformation("IR frame refused: {Reason}: {Message}", e.Reason, e.Message);
            return new IrAnswer(Refusal: e.Reason, Message: e.Message);
        }
    }

    /// <summary>Seals and stores the session's confirmation, once: later outcomes for the same session change nothing.</summary>
    public async Task ConfirmAsync(string sessionId, Func<string, IrConfirmation> confirmation, CancellationToken cancellationToken = default)
    {
        var row = await sessions.FindAsync(sessionId, cancellationToken);
        if (row is not { Confirmation: null, SealedKeys: not null, RequestTranscript: not null })
        {
            return; // decided already, or not a session that carries a request
        }

        var made = confirmation(row.MeterNumber);
        var hostKey = await host.KeyAsync(cancellationToken);
        var frame = IrSealing.Confirmation(Session(row), row.RequestTranscript, hostKey, made);
        await sessions.ConfirmAsync(sessionId, frame, made.Outcome.ToString(), made.PurchaseId == Guid.Empty ? null : made.PurchaseId.ToString(), cancellationToken);
    }

    private async Task<IrAnswer> OpenAsync(byte[] frame, CancellationToken cancellationToken)
    {
        var hello = IrHandshake.ReadHello(frame);
        if (await identities.FindAsync(hello.MeterNumber, cancellationToken) is null)
        {
            throw new IrProtocolException(IrRefusal.UnknownMeter, $"meter {hello.MeterNumber} has no identity key registered for IR sessions");
        }

        var now = clock.GetUtcNow();
        var hostKey = await host.KeyAsync(cancellationToken);
        var (reply, session) = IrHandshake.Answer(frame, hostKey, RandomNumberGenerator.GetBytes(IrFrame.SessionIdLength),
            now + options.IrSessionLifetime);
        await sessions.AddAsync(new IrSessionRow
        {
            SessionId = session.SessionHex, MeterNumber = session.MeterNumber, Transcript = session.Transcript,
            SealedKeys = sealer.Seal(session.Keys, IrSessionRow.KeysRecord(session.SessionHex)), ExpiresAt = session.ExpiresAt.ToUnixTimeMilliseconds(),
            CreatedAt = now.ToUnixTimeMilliseconds(),
        }, cancellationToken);
        return new IrAnswer(Frame: reply, SessionId: session.SessionHex);
    }

    private async Task<IrAnswer> RequestAsync(byte[] frame, string sessionId, CancellationToken cancellationToken)
    {
        var row = await sessions.FindAsync(sessionId, cancellationToken) ?? throw new IrProtocolException(IrRefusal.UnknownSession, $"no session {sessionId}");
        if (row.RequestTranscript is null)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (now >= row.ExpiresAt || row.SealedKeys is null)
            {
                await sessions.ForgetKeysAsync(sessionId, cancellationToken);
                throw new IrProtocolException(IrRefusal.SessionExpired, $"session {sessionId} expired at {DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt):O}; start a new one");
            }

            var meterKey = await identities.FindAsync(row.MeterNumber, cancellationToken)
                ?? throw new IrProtocolException(IrRefusal.UnknownMeter, $"meter {row.MeterNumber} has no identity key");
            var (request, transcript) = IrSealing.OpenRequest(frame, Session(row), meterKey);
            if (await sessions.ClaimRequestAsync(sessionId, transcript, sealer.Seal(request.Encode(), IrSessionRow.RequestRecord(sessionId)), now, cancellationToken))
            {
                log.LogInformation("IR session {Session}: meter {Meter} asks to buy {Amount}", sessionId, row.MeterNumber, request.Amount);
                return Pending(sessionId, Purchase(sessionId, request));
            }

            row = await sessions.FindAsync(sessionId, cancellationToken) ?? throw new IrProtocolException(IrRefusal.UnknownSession, $"no session {sessionId}");
        }

        return await ResendAsync(row, frame, cancellationToken);
    }

    /// <summary>The session's request again (a poll, or a resend after a lost answer): the stored confirmation, or still pending.
    /// Never a second purchase.</summary>
    private async Task<IrAnswer> ResendAsync(IrSessionRow row, byte[] frame, CancellationToken cancellationToken)
    {
        if (!IrSealing.RequestTranscript(row.Transcript, frame).AsSpan().SequenceEqual(row.RequestTranscript))
        {
            throw new IrProtocolException(IrRefusal.RequestConflict, $"the frame is not the request session {row.SessionId} carries (altered, or another one); one purchase per session");
        }

        if (row.Confirmation is { } confirmation)
        {
            return new IrAnswer(Frame: confirmation, SessionId: row.SessionId);
        }

        // The in-memory bus forgets a purchase in flight when the process dies: one that takes long is published again (Vending is idempotent).
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var before = now - (long)options.IrRepublishAfter.TotalMilliseconds;
        var again = row.PublishedAt <= before && await sessions.RepublishAsync(row.SessionId, before, now, cancellationToken);
        return Pending(row.SessionId, again ? Purchase(row.SessionId, IrPurchaseRequest.Decode(sealer.Open(row.SealedRequest!, IrSessionRow.RequestRecord(row.SessionId)))) : null);
    }

    private IrSession Session(IrSessionRow row) => IrSession.Restore(Convert.FromHexString(row.SessionId), row.MeterNumber,
        DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt), row.Transcript, sealer.Open(row.SealedKeys!, IrSessionRow.KeysRecord(row.SessionId)));

    private static IrAnswer Pending(string sessionId, PurchaseRequested? publish) => new(SessionId: sessionId, Publish: publish);

    private static PurchaseRequested Purchase(string sessionId, IrPurchaseRequest request) => new()
    {
        IdempotencyKey = IrPurchaseKey.Of(sessionId), Phone = request.Phone, MeterNumber = request.MeterNumber, Amount = request.Amount, Pin = request.Pin,
        Channel = Channel,
    };
}
