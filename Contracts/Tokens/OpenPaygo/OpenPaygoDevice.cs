namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>An OpenPAYGO device's keypad logic as a pure function: state and entry in, new state and result out.</summary>
public static class OpenPaygoDevice
{
    /// <summary>Enters a token at a given time, as the device would, and says what happened.</summary>
    public static OpenPaygoEntry EnterToken(OpenPaygoDeviceState state, string token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(token);
        var key = CheckState(state);

        if (state.LockedUntil > now)
        {
            return new(state, new(OpenPaygoEntryStatus.LockedOut, Reason: $"token entry is locked until {state.LockedUntil:O}"));
        }

        // A malformed entry is refused unread and starts no wait: it is no guess at the chain.
        if (!TokenDigits.TryRead(token, state.Restricted, state.Extended, out var number, out var extended, out var error))
        {
            return new(state, new(OpenPaygoEntryStatus.Invalid, Reason: error));
        }

        var match = ChainDecoder.Find(key, (ulong)state.StartingCode, state.LastCount, state.UsedCounts, number, extended);
        switch (match.Status)
        {
            case OpenPaygoEntryStatus.Valid:
                var (lastCount, usedCounts) = UsedCountWindow.Mark(match.Count, state.LastCount, state.UsedCounts, match.Type);
                var accepted = state with { LastCount = lastCount, UsedCounts = usedCounts, InvalidCount = 0, LockedUntil = null };
                return new(Credit(accepted, match, extended, now), new(OpenPaygoEntryStatus.Valid, match.Type, match.Value, match.Count));
            case OpenPaygoEntryStatus.AlreadyUsed:
                return new(state, new(OpenPaygoEntryStatus.AlreadyUsed, Reason: "this token was used already, or is too old to take"));
            default:
                var failures = state.InvalidCount == int.MaxValue ? int.MaxValue : state.InvalidCount + 1;
                var locked = state with { InvalidCount = failures, LockedUntil = now + EntryLockout.WaitAfter(failures) };
                return new(locked, new(OpenPaygoEntryStatus.Invalid, Reason: "not a token of this device"));
        }
    }

    private static OpenPaygoDeviceState Credit(OpenPaygoDeviceState state, ChainMatch match, bool extended, DateTimeOffset now)
    {
        if (match.Type is (OpenPaygoTokenType.AddTime or OpenPaygoTokenType.SetTime) && !extended && match.Value > OpenPaygoEncoder.MaxStandardValue)
        {
            return state; // 996 and 997 are reserved: the count is taken, nothing else changes (as the reference simulator)
        }

        var days = TimeSpan.FromTicks(match.Value * TimeSpan.TicksPerDay / state.TimeDivider);
        return match.Type switch
        {
            // An unlocked device stays unlocked: ADD_TIME does not bring PAYG back (reference device simulator).
            OpenPaygoTokenType.AddTime when state.PaygDisabled => state,
            OpenPaygoTokenType.AddTime => state with { ActiveUntil = Plus(state.ActiveUntil > now ? state.ActiveUntil.Value : now, days) },
            OpenPaygoTokenType.SetTime => state with { ActiveUntil = Plus(now, days), PaygDisabled = false },
            OpenPaygoTokenType.DisablePayg => state with { PaygDisabled = true },
            _ => state, // COUNTER_SYNC moved the count, which is all it does
        };
    }

    private static DateTimeOffset Plus(DateTimeOffset from, TimeSpan days) =>
        DateTimeOffset.MaxValue - from < days ? DateTimeOffset.MaxValue : from + days;

    private static OpenPaygoKey CheckState(OpenPaygoDeviceState state)
    {
        if (!OpenPaygoKey.TryParse(state.Key, out var key))
        {
            throw new ArgumentException("the device state's key must be 32 hex digits", nameof(state));
        }

        if (state.StartingCode is < 0 or > 999_999_999)
        {
            throw new ArgumentException($"the device state's starting code has 9 digits (0 to 999999999), got {state.StartingCode}", nameof(state));
        }

        if (state.LastCount is < 0 or > OpenPaygoEncoder.MaxCount)
        {
            throw new ArgumentException($"the device state's last count is 0 to {OpenPaygoEncoder.MaxCount}, got {state.LastCount}", nameof(state));
        }

        if (state.TimeDivider is < 1 or > OpenPaygoDays.MaxTimeDivider)
        {
            throw new ArgumentException($"the device state's time divider is 1 to {OpenPaygoDays.MaxTimeDivider}, got {state.TimeDivider}", nameof(state));
        }

        if (state.InvalidCount < 0)
        {
            throw new ArgumentException($"the device state's invalid count cannot be negative, got {state.InvalidCount}", nameof(state));
        }

        return key;
    }
}
