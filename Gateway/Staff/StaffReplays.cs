using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms;

namespace SmsVending.Gateway.Staff;

/// <summary>Replays stored inbound messages for staff: one by id, or every failed or stuck one in a time window.</summary>
/// <remarks>Never a second vend: an SMS purchase is replayed through Vending's replay (issued ones resend their tokens); other
/// channels' messages are handed on again, which their idempotent handlers turn into the same single outcome.</remarks>
internal sealed class StaffReplays(MessageLog log, SmsCommands sms, InboundHandOff handOff)
{
    /// <summary>Replays one message; false when there is no such message.</summary>
    public async Task<bool> ReplayAsync(long inboundId, string replayId, CancellationToken cancellationToken)
    {
        if (await log.FindAsync(inboundId, cancellationToken) is not { } message)
        {
            return false;
        }

        await ReplayAsync(message, replayId, cancellationToken);
        return true;
    }

    /// <summary>Replays every failed or stuck message in the window (each under its own replay id); returns how many.</summary>
    public async Task<IReadOnlyList<InboundMessage>> ReplayFailedAsync(DateTimeOffset from, DateTimeOffset to, string batchId, bool preview, int limit,
        CancellationToken cancellationToken)
    {
        var failed = await log.FailedAsync(from, to, limit, cancellationToken);
        if (!preview)
        {
            foreach (var message in failed)
            {
                await ReplayAsync(message, $"{batchId}:{message.Id}", cancellationToken);
            }
        }

        return failed;
    }

    private async Task ReplayAsync(InboundMessage message, string replayId, CancellationToken cancellationToken)
    {
        if (message.Channel == Channels.Sms)
        {
            await sms.ReplayAsync(message, replayId, cancellationToken);
        }
        else
        {
            await handOff.PublishAsync(message);
        }
    }
}
