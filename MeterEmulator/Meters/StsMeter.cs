using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>An STS meter's keypad logic (sts.md §5) as a pure function: state, entry and instant in; new state and result out.</summary>
public static partial class StsMeter
{
    /// <summary>The credit register's capacity: 9 999 999.9 units (an 8-digit display with one decimal).</summary>
    public const decimal MaxCredit = 9_999_999.9m;

    /// <summary>Keys in a token at an instant; consumption up to that instant is taken first.</summary>
    public static MeterEntry Enter(StsMeterState state, string entry, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        state = Advance(state, at);
        if (state.LockedUntil > at)
        {
            return Done(state, MeterResult.Lockout, $"the keypad is locked until {state.LockedUntil:O}");
        }

        if (!StsToken.TryParse(entry, out var token, out var error))
        {
            return Failed(state, MeterResult.FormatError, error, at);
        }

        var cipher = token.Class == TokenClass.Test ? null : TokenCipher.Create(DecoderKey.FromHex(state.DecoderKey), state.Algorithm);
        var decoded = TokenDecoder.Decode(token, cipher);

        // CRC before the manufacturer code: a mistyped test token is a CRC error, not a foreign one.
        if (!decoded.CrcOk)
        {
            return Failed(state, MeterResult.CrcError, "the CRC does not match: a mistyped token, or one for another meter or key", at);
        }

        return decoded.Class switch
        {
            TokenClass.Test => TestToken(state, decoded, at),
            TokenClass.Management when decoded.KeyChange is { } section => KeyChange(state, section),
            TokenClass.Credit or TokenClass.Management => RegisterToken(state, decoded),
            _ => Done(state, MeterResult.FunctionError, $"class {decoded.Class} is reserved"),
        };
    }

    /// <summary>Runs simulated consumption up to an instant: credit falls by rate × elapsed time, never below zero.</summary>
    /// <remarks>The first call only starts the clock; an instant before the last one changes nothing.</remarks>
    public static StsMeterState Advance(StsMeterState state, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ConsumedUntil is not { } from)
        {
            return state with { ConsumedUntil = to };
        }

        if (to <= from)
        {
            return state;
        }

        var used = (state.RatePerHour ?? 0m) * (to - from).Ticks / TimeSpan.TicksPerHour;
        return state with { Credit = Math.Max(0m, Math.Round(state.Credit - used, 4)), ConsumedUntil = to };
    }

    private static MeterEntry TestToken(StsMeterState state, DecodedToken decoded, DateTimeOffset at)
    {
        if (decoded.Subclass > 1)
        {
            return Done(state, MeterResult.FunctionError, $"test token subclass {decoded.Subclass} is not supported");
        }

        return decoded.Manufacturer == state.ManufacturerCode
            ? Accepted(state, $"test token run (control 0x{decoded.Control:X})")
            : Failed(state, MeterResult.MfrCodeError, $"the test token is for manufacturer {decoded.Manufacturer}, this meter is {state.ManufacturerCode}", at);
    }

    private static MeterEntry Accepted(StsMeterState state, string detail, MeterResult result = MeterResult.Accept) =>
        Done(state with { FailureCount = 0, LockedUntil = null }, result, detail);

    private static MeterEntry Failed(StsMeterState state, MeterResult result, string detail, DateTimeOffset at)
    {
        var failures = state.FailureCount == int.MaxValue ? int.MaxValue : state.FailureCount + 1;
        var wait = KeypadLockout.WaitAfter(failures);
        return Done(state with { FailureCount = failures, LockedUntil = wait > TimeSpan.Zero ? at + wait : null }, result, detail);
    }

    private static MeterEntry Done(StsMeterState state, MeterResult result, string detail) =>
        new(state with { LastResult = result }, result, detail);
}
