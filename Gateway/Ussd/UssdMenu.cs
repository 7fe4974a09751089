using System.Text.Json;
using MassTransit;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Messages;

namespace SmsVending.Gateway.Ussd;

/// <summary>Answers one USSD request: continues the stored session with the inputs it has not seen yet and says what to show.
/// Never waits for a vend: a purchase is stored and handed off, and its token arrives by SMS.</summary>
internal sealed class UssdMenu(UssdSessions sessions, MessageLog log, InboundHandOff handOff, IPublishEndpoint bus, IRequestClient<GetCustomerTimeline> timelines,
    UssdOptions options, TimeProvider clock, ILogger<UssdMenu> logger)
{
    /// <summary>The screen for a request; <paramref name="text"/> is every input so far joined by <c>*</c>.</summary>
    public async Task<string> AnswerAsync(string sessionId, string phone, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string[] inputs = text.Length == 0 ? [] : text.Split('*');
        var session = await sessions.FindAsync(sessionId, cancellationToken);
        if (session is null || session.Phone != phone)
        {
            return inputs.Length == 0 ? await StartAsync(sessionId, phone, now, cancellationToken) : UssdScreens.NoSession(UssdScreens.English);
        }

        if (session.ExpiresAt <= now)
        {
            return UssdScreens.Expired(session.State.Language);
        }

        var state = session.State;
        if (inputs.Length <= state.Inputs)
        {
            return state.Reply; // the aggregator repeated a request: the same answer, nothing done twice
        }

        state.Reply = await ContinueAsync(sessionId, phone, state, inputs[state.Inputs..], cancellationToken);
        state.Inputs = inputs.Length;
        await sessions.SaveAsync(session with { ExpiresAt = Expiry(session.StartedAt, now) }, now, cancellationToken);
        return state.Reply;
    }

    private async Task<string> StartAsync(string sessionId, string phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AskAsync(phone, cancellationToken) is not { } customer)
        {
            return UssdScreens.Busy(UssdScreens.English);
        }

        if (!customer.Found)
        {
            return UssdScreens.NotRegistered(UssdScreens.English);
        }

        var state = new UssdState
        {
            Language = customer.Language ?? UssdScreens.English, Currency = customer.Currency, HasPin = customer.HasPin,
            Meters = [.. customer.Meters.Select(m => m.MeterNumber)],
        };
        state.Reply = UssdScreens.Show(state);
        await sessions.SaveAsync(new UssdSession(sessionId, phone, state, now, Expiry(now, now)), now, cancellationToken);
        return state.Reply;
    }

    private async Task<string> ContinueAsync(string sessionId, string phone, UssdState state, string[] inputs, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            var action = UssdNavigator.Next(state, input);
            if (action == UssdAction.None)
            {
                continue;
            }

            state.Screen = UssdScreen.Ended;
            var language = state.Language;
            return action switch
            {
                UssdAction.Buy => await BuyAsync(sessionId, phone, state, state.HasPin ? input : null, cancellationToken),
                UssdAction.LastTokens => await ResendAsync(sessionId, phone, language, cancellationToken),
                UssdAction.Balance => await AskAsync(phone, cancellationToken) is { } customer
                    ? UssdScreens.Balance(language, customer.Currency, customer.WalletBalance) : UssdScreens.Busy(language),
                UssdAction.Meters => await AskAsync(phone, cancellationToken) is { } customer
                    ? UssdScreens.MeterList(language, [.. customer.Meters.Select(m => m.MeterNumber)]) : UssdScreens.Busy(language),
                UssdAction.NoMeters => UssdScreens.NoMeters(language),
                UssdAction.Exit => UssdScreens.Goodbye(language),
                _ => UssdScreens.NoSession(language),
            };
        }

        return UssdScreens.Show(state);
    }

    /// <summary>Stores the purchase as an inbound message keyed by the session (one session, one purchase) and hands it off.</summary>
    private async Task<string> BuyAsync(string sessionId, string phone, UssdState state, string? pin, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new UssdPurchase(state.Meter!, state.Amount!.Value, pin));
        if (await log.StoreAsync(Channels.Ussd, sessionId, phone, body, cancellationToken: cancellationToken) is { } stored)
        {
            await handOff.PublishAsync(stored);
        }

        return UssdScreens.Ordered(state.Language);
    }

    private async Task<string> ResendAsync(string sessionId, string phone, string language, CancellationToken cancellationToken)
    {
        await bus.Publish(new ResendTokens($"ussd-last:{sessionId}", phone), cancellationToken);
        return UssdScreens.Resending(language);
    }

    /// <summary>The customer as Vending knows them, or null when Vending does not answer in time.</summary>
    private async Task<CustomerTimeline?> AskAsync(string phone, CancellationToken cancellationToken)
    {
        try
        {
            var timeout = RequestTimeout.After(ms: (int)options.VendingTimeout.TotalMilliseconds);
            return (await timelines.GetResponse<CustomerTimeline>(new GetCustomerTimeline(phone, Limit: 1), cancellationToken, timeout)).Message;
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("Vending did not answer a USSD screen within {Timeout}", options.VendingTimeout);
            return null;
        }
    }

    private DateTimeOffset Expiry(DateTimeOffset started, DateTimeOffset now) =>
        new[] { started + options.SessionLifetime, now + options.IdleTimeout }.Min();
}
