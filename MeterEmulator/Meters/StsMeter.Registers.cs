using System.Globalization;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.MeterEmulator.Meters;

/// <summary>Credit (class 0) and register (class 2) tokens: the checks in spec order, then the TID rules, then the action.</summary>
public static partial class StsMeter
{
    private const int AllRegisters = 0xFFFF;

    private static MeterEntry RegisterToken(StsMeterState state, DecodedToken decoded)
    {
        var isCredit = decoded.Class == TokenClass.Credit;
        if (isCredit ? decoded.Subclass != (int)state.Kind : !Enum.IsDefined((ManagementFunction)decoded.Subclass))
        {
            return Done(state, MeterResult.FunctionError,
                $"class {decoded.Class} subclass {decoded.Subclass} is not supported by this {state.Kind} meter");
        }

        if (isCredit && state.KeyType == KeyType.Default)
        {
            return Done(state, MeterResult.DdtkError, "credit under a default key is refused: the meter needs a key change first");
        }

        if (isCredit && state.KeyType == KeyType.Initialisation)
        {
            return Done(state, MeterResult.KeyTypeError, "credit under the initialisation key is refused");
        }

        var function = (ManagementFunction)decoded.Subclass;
        if (!isCredit && function == ManagementFunction.ClearCredit && decoded.Field is not (AllRegisters or null) && decoded.Field != (int)state.Kind)
        {
            return Done(state, MeterResult.RangeError, $"clear credit names register 0x{decoded.Field:X4}, which this meter does not have");
        }

        var tid = decoded.Tid!.Value;
        if (state.KeyExpiryNumber != 0xFF && tid >> 16 > state.KeyExpiryNumber)
        {
            return Done(state, MeterResult.KeyExpired, $"the token's TID {tid} is past key expiry number {state.KeyExpiryNumber}");
        }

        if (TidMemory.Check(state.Tids, state.TidMemorySize, tid) is { } refused)
        {
            return Done(state, refused, refused == MeterResult.Used
                ? $"TID {tid} was used already"
                : $"TID {tid} is older than the oldest remembered ({state.Tids[0]})");
        }

        var (applied, detail) = isCredit ? AddCredit(state, decoded.Amount!.Value) : Manage(state, function, decoded);
        if (applied is null)
        {
            return Done(state, MeterResult.Overflow, detail);
        }

        return Accepted(applied with { Tids = TidMemory.Remember(state.Tids, state.TidMemorySize, tid) }, detail);
    }

    private static (StsMeterState? State, string Detail) AddCredit(StsMeterState state, decimal amount)
    {
        var credit = state.Credit + amount;
        return credit > MaxCredit
            ? (null, $"{Units(amount)} would take the register past {Units(MaxCredit)}")
            : (state with { Credit = credit }, $"{Units(amount)} added");
    }

    private static (StsMeterState State, string Detail) Manage(StsMeterState state, ManagementFunction function, DecodedToken decoded) =>
        function switch
        {
            ManagementFunction.SetMaximumPowerLimit => (state with { MaxPowerWatts = decoded.Amount }, $"maximum power {decoded.Amount} W"),
            ManagementFunction.ClearCredit => (state with { Credit = 0m }, "credit cleared"),
            ManagementFunction.SetTariffRate => (state with { TariffRate = decoded.Field }, $"tariff rate {decoded.Field}"),
            ManagementFunction.ClearTamper => (state with { Tampered = false }, "tamper condition cleared"),
            ManagementFunction.SetPhaseUnbalanceLimit => (state with { PhaseUnbalanceWatts = decoded.Amount }, $"phase unbalance limit {decoded.Amount} W"),
            _ => (state with { WaterMeterFactor = decoded.Field }, $"water meter factor {decoded.Field}"),
        };

    private static string Units(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}
