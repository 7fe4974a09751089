using System.Net;
using SmsVending.MeterEmulator.Meters;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator.Load;

/// <summary>Texting, waiting for the answer, keying tokens in, and the last look at what arrived unasked.</summary>
public sealed partial class LoadRun
{
    private const string GarbageCharacters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !?*#.,;:-+/()@&%$ ";

    private enum TokenSet
    {
        Accepted,
        NotAccepted,
    }

    /// <summary>Texts the service and waits for the next SMS the phone receives; null (with the error counted) when the webhook
    /// failed or no answer came in time.</summary>
    private async Task<(InboxMessage Message, DateTimeOffset SentAt)?> TextAsync(LoadCustomer customer, string text, bool duplicate, CancellationToken cancellationToken)
    {
        var phone = network.Phone(customer.Phone);
        var sentAt = time.GetUtcNow();
        try
        {
            var sms = await phone.SendSmsAsync(text, cancellationToken);
            if (!IsSuccess(sms.GatewayStatus))
            {
                tally.Error($"the SMS webhook answered {(int)sms.GatewayStatus}");
                return null;
            }

            if (duplicate)
            {
                tally.DuplicateWebhookSent();
                var again = await phone.ResendAsync(sms, cancellationToken);
                if (!IsSuccess(again.GatewayStatus))
                {
                    tally.Error($"the repeated SMS webhook answered {(int)again.GatewayStatus}");
                }
            }

            return (await NextAnswerAsync(customer, settings.ReplyTimeout, cancellationToken), sentAt);
        }
        catch (HttpRequestException e)
        {
            tally.Error($"the SMS webhook failed: {e.HttpRequestError}");
        }
        catch (TimeoutException)
        {
            tally.Error($"no answer within {settings.ReplyTimeout.TotalSeconds:0} s");
        }

        return null;
    }

    /// <summary>Waits, within what is left of the reply timeout, for the SMS that follows a "token will follow" notice; null (with
    /// the error counted) when none comes.</summary>
    private async Task<InboxMessage?> FollowUpAsync(LoadCustomer customer, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var left = settings.ReplyTimeout - (time.GetUtcNow() - sentAt);
        try
        {
            return await NextAnswerAsync(customer, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
        }
        catch (TimeoutException)
        {
            tally.Error($"the token promised did not come within {settings.ReplyTimeout.TotalSeconds:0} s");
            return null;
        }
    }

    /// <summary>The next SMS the customer's phone receives that answered nothing yet, which it now answers.</summary>
    private async Task<InboxMessage> NextAnswerAsync(LoadCustomer customer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answered = customer.Answered;
        var message = await network.Phone(customer.Phone).WaitForMessageAsync(m => !answered.Contains(m.Sid), timeout, cancellationToken);
        answered.Add(message.Sid);
        return message;
    }

    /// <summary>Keys the tokens into the customer's meter in order; the set is accepted when every token is.</summary>
    private TokenSet KeyIn(LoadCustomer customer, IReadOnlyList<string> tokens)
    {
        var accepted = true;
        foreach (var token in tokens)
        {
            bool fresh;
            lock (tokensSeen)
            {
                fresh = tokensSeen.Add(token);
            }

            if (!fresh)
            {
                tally.Duplicate();
                accepted = false;
                continue;
            }

            var entry = StsMeter.Enter(customer.Meter, token, time.GetUtcNow());
            customer.Meter = entry.State;
            accepted &= Counted(entry.Result, "meter");
        }

        return accepted ? TokenSet.Accepted : TokenSet.NotAccepted;
    }

    /// <summary>Counts what the meter showed for one token; true when it took it (credit, a key change section).</summary>
    private bool Counted(MeterResult result, string where)
    {
        if (result is MeterResult.Accept or MeterResult.Kct1Accepted or MeterResult.Kct2Accepted)
        {
            tally.TokenAccepted();
            return true;
        }

        tally.Rejected($"{where}: {result}");
        return false;
    }

    /// <summary>Waits until the network has accepted nothing new for a quiet period, then keys in the tokens of every SMS that
    /// came after its phone's answer: a token seen before is a duplicate, a new one the meter accepts is a double vend.</summary>
    private async Task SettleAsync(IReadOnlyList<LoadCustomer> customers, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + SettleLimit;
        for (var accepted = -1; network.MessagesAccepted != accepted && time.GetUtcNow() < until;)
        {
            accepted = network.MessagesAccepted;
            await Task.Delay(QuietPeriod, time, cancellationToken);
        }

        foreach (var customer in customers)
        {
            foreach (var message in network.Inbox.Messages(customer.Phone).Where(m => !customer.Answered.Contains(m.Sid)))
            {
                tally.ExtraMessage();
                if (TokenText.Find(message.Body) is { Count: > 0 } tokens && KeyIn(customer, tokens) == TokenSet.Accepted)
                {
                    tally.ExtraTokenSet();
                }
            }
        }
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and <= 299;

    /// <summary>Random printable text that starts with a non-space, so that Twilio would carry it.</summary>
    private static string Garbage(Random random) =>
        "~" + new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => GarbageCharacters[random.Next(GarbageCharacters.Length)])]);
}
