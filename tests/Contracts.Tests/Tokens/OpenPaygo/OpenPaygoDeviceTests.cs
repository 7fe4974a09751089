using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

/// <summary>The device's token entry: round trips, the used-count window, credit and lockout.</summary>
public class OpenPaygoDeviceTests
{
    private const string KeyHex = "a29ab82edc5fbbc41ec9530f6dac86b1";
    private const int StartingCode = 123456789;
    private static readonly OpenPaygoKey Key = OpenPaygoKey.Parse(KeyHex);
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<OpenPaygoMode, OpenPaygoTokenType, int> RoundTrips()
    {
        var data = new TheoryData<OpenPaygoMode, OpenPaygoTokenType, int>();
        foreach (var mode in new[] { OpenPaygoMode.Standard, OpenPaygoMode.Extended, OpenPaygoMode.RestrictedDigits, OpenPaygoMode.Extended | OpenPaygoMode.RestrictedDigits })
        {
            var big = mode.HasFlag(OpenPaygoMode.Extended) ? 654_321 : 995;
            data.Add(mode, OpenPaygoTokenType.AddTime, 0);
            data.Add(mode, OpenPaygoTokenType.AddTime, big);
            data.Add(mode, OpenPaygoTokenType.SetTime, 1);
            data.Add(mode, OpenPaygoTokenType.SetTime, big);
            if (!mode.HasFlag(OpenPaygoMode.Extended))
            {
                data.Add(mode, OpenPaygoTokenType.DisablePayg, 0);
                data.Add(mode, OpenPaygoTokenType.CounterSync, 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void EnterToken_GeneratedToken_DecodesToItsTypeValueAndCount(OpenPaygoMode mode, OpenPaygoTokenType type, int value)
    {
        var state = NewState(lastCount: 7) with { Restricted = mode.HasFlag(OpenPaygoMode.RestrictedDigits), Extended = true };
        var token = OpenPaygoEncoder.Generate(Key, StartingCode, 7, type, value, mode);

        var entry = OpenPaygoDevice.EnterToken(state, token.Digits, T0);

        Assert.Equal(new OpenPaygoEntryResult(OpenPaygoEntryStatus.Valid, type, token.Value, token.Count), entry.Result);
        Assert.Equal(token.Count, entry.State.LastCount);
    }

    [Fact]
    public void EnterToken_LongMixedSequence_FollowsTheWindowRules()
    {
        var state = NewState();
        var now = T0;
        var tokens = new Dictionary<int, string>();
        string Add(int lastCount, int days) => tokens[lastCount + 2] = Issue(lastCount, OpenPaygoTokenType.AddTime, days);
        for (var count = 0; count < 40; count += 2)
        {
            Add(count, 1); // the server sells ADD_TIME tokens for counts 2..40
        }

        (OpenPaygoEntryStatus Status, int? Count) Enter(string token)
        {
            var entry = OpenPaygoDevice.EnterToken(state, token, now);
            state = entry.State;
            now = now.AddDays(1); // past any wait
            return (entry.Result.Status, entry.Result.Count);
        }

        Assert.Equal((OpenPaygoEntryStatus.Valid, 6), Enter(tokens[6]));
        Assert.Equal((OpenPaygoEntryStatus.Valid, 2), Enter(tokens[2])); // older, unused, inside the window
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(tokens[2]));
        Assert.Equal((OpenPaygoEntryStatus.Valid, 4), Enter(tokens[4]));
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(tokens[6]));
        Assert.Equal((OpenPaygoEntryStatus.Valid, 40), Enter(tokens[40])); // a jump of 34
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(tokens[8])); // 32 below: older than the window
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(tokens[24])); // 16 below: just outside
        Assert.Equal((OpenPaygoEntryStatus.Valid, 26), Enter(tokens[26])); // 14 below: just inside
        Assert.Equal((OpenPaygoEntryStatus.Valid, 41), Enter(Issue(40, OpenPaygoTokenType.SetTime, 10)));
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(tokens[38])); // the SET_TIME used the window up
        Assert.Equal((OpenPaygoEntryStatus.Valid, 42), Enter(Issue(41, OpenPaygoTokenType.AddTime, 2)));
        Assert.Equal((OpenPaygoEntryStatus.Invalid, null), Enter(Issue(42 + 64, OpenPaygoTokenType.AddTime, 1))); // count 108: beyond 42 + 64
        var sync = Issue(42 + 90, OpenPaygoTokenType.CounterSync, 0); // count 133: within 42 + 100
        Assert.Equal((OpenPaygoEntryStatus.Valid, 133), Enter(sync));
        Assert.Equal((OpenPaygoEntryStatus.AlreadyUsed, null), Enter(sync));
        Assert.Equal((OpenPaygoEntryStatus.Invalid, null), Enter(Issue(133 + 101, OpenPaygoTokenType.CounterSync, 0))); // count 235: beyond 133 + 100
        Assert.Equal((OpenPaygoEntryStatus.Valid, 134), Enter(Issue(133, OpenPaygoTokenType.AddTime, 3)));
        Assert.Equal(134, state.LastCount);
        Assert.Equal(0, state.InvalidCount);
    }

    [Fact]
    public void EnterToken_Count0Token_InvalidAndStartsAWait()
    {
        var entry = OpenPaygoDevice.EnterToken(NewState(), "123456789", T0);

        Assert.Equal(OpenPaygoEntryStatus.Invalid, entry.Result.Status);
        Assert.Equal(1, entry.State.InvalidCount);
        Assert.Equal(T0.AddMinutes(1), entry.State.LockedUntil);
    }

    [Fact]
    public void EnterToken_RepeatedInvalidTokens_WaitDoublesTo512MinutesAndResetsOnValid()
    {
        var state = NewState();
        var now = T0;
        var waits = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            state = OpenPaygoDevice.EnterToken(state, "111111111", now).State;
            waits.Add((state.LockedUntil!.Value - now).TotalMinutes);
            now = state.LockedUntil.Value; // the first moment entry is allowed again
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 512], waits);
        var valid = OpenPaygoDevice.EnterToken(state, Issue(0, OpenPaygoTokenType.AddTime, 1), now);
        Assert.Equal(OpenPaygoEntryStatus.Valid, valid.Result.Status);
        Assert.Equal(0, valid.State.InvalidCount);
        Assert.Null(valid.State.LockedUntil);
    }

    [Fact]
    public void EnterToken_WhileLocked_RefusedUnreadAndStateUnchanged()
    {
        var locked = OpenPaygoDevice.EnterToken(NewState(), "111111111", T0).State;

        var entry = OpenPaygoDevice.EnterToken(locked, Issue(0, OpenPaygoTokenType.AddTime, 1), T0.AddSeconds(59));

        Assert.Equal(OpenPaygoEntryStatus.LockedOut, entry.Result.Status);
        Assert.Same(locked, entry.State);
    }

    [Fact]
    public void EnterToken_AlreadyUsed_StartsNoWait()
    {
        var token = Issue(0, OpenPaygoTokenType.AddTime, 1);
        var used = OpenPaygoDevice.EnterToken(NewState(), token, T0).State;

        var again = OpenPaygoDevice.EnterToken(used, token, T0);

        Assert.Equal(OpenPaygoEntryStatus.AlreadyUsed, again.Result.Status);
        Assert.Same(used, again.State);
    }

    [Theory]
    [InlineData("12345678", false)]
    [InlineData("324244134441125", true)]
    [InlineData("662486790123", false)] // extended length on a device without extended tokens
    public void EnterToken_Malformed_InvalidWithReasonAndNoWait(string text, bool restricted)
    {
        var state = NewState() with { Restricted = restricted };

        var entry = OpenPaygoDevice.EnterToken(state, text, T0);

        Assert.Equal(OpenPaygoEntryStatus.Invalid, entry.Result.Status);
        Assert.NotNull(entry.Result.Reason);
        Assert.Same(state, entry.State);
    }

    [Fact]
    public void EnterToken_Credit_AddsExtendsSetsAndDisables()
    {
        var state = NewState() with { TimeDivider = 24 }; // values are hours
        state = OpenPaygoDevice.EnterToken(state, Issue(0, OpenPaygoTokenType.AddTime, 48), T0).State;
        Assert.Equal(T0.AddDays(2), state.ActiveUntil);

        state = OpenPaygoDevice.EnterToken(state, Issue(2, OpenPaygoTokenType.AddTime, 12), T0.AddDays(1)).State;
        Assert.Equal(T0.AddDays(2.5), state.ActiveUntil); // added to the remaining credit

        state = OpenPaygoDevice.EnterToken(state, Issue(4, OpenPaygoTokenType.AddTime, 24), T0.AddDays(10)).State;
        Assert.Equal(T0.AddDays(11), state.ActiveUntil); // credit had run out: counted from now

        state = OpenPaygoDevice.EnterToken(state, Issue(6, OpenPaygoTokenType.SetTime, 6), T0.AddDays(10)).State;
        Assert.Equal(T0.AddDays(10.25), state.ActiveUntil);
        Assert.False(state.IsActive(T0.AddDays(10.25)));

        state = OpenPaygoDevice.EnterToken(state, Issue(7, OpenPaygoTokenType.DisablePayg, 0), T0.AddDays(20)).State;
        Assert.True(state.IsActive(T0.AddYears(5)));

        state = OpenPaygoDevice.EnterToken(state, Issue(9, OpenPaygoTokenType.AddTime, 24), T0.AddDays(20)).State;
        Assert.True(state.PaygDisabled); // ADD_TIME does not lock an unlocked device again
        Assert.Equal(T0.AddDays(10.25), state.ActiveUntil);
    }

    [Theory]
    [InlineData("nothex", 123456789, 0, 1, 0, "key")]
    [InlineData(KeyHex, -5, 0, 1, 0, "starting code")]
    [InlineData(KeyHex, 123456789, -1, 1, 0, "last count")]
    [InlineData(KeyHex, 123456789, 0, 0, 0, "time divider")]
    [InlineData(KeyHex, 123456789, 0, 1, -1, "invalid count")]
    public void EnterToken_BadState_ThrowsNamingTheField(string key, int startingCode, int lastCount, int divider, int invalidCount, string field)
    {
        var state = new OpenPaygoDeviceState { Key = key, StartingCode = startingCode, LastCount = lastCount, TimeDivider = divider, InvalidCount = invalidCount };

        var error = Assert.Throws<ArgumentException>(() => OpenPaygoDevice.EnterToken(state, "662486790", T0));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal("state", error.ParamName);
    }

    private static OpenPaygoDeviceState NewState(int lastCount = 0) =>
        new() { Key = KeyHex, StartingCode = StartingCode, LastCount = lastCount };

    private static string Issue(int lastCount, OpenPaygoTokenType type, int value) =>
        OpenPaygoEncoder.Generate(Key, StartingCode, lastCount, type, value).Digits;
}
