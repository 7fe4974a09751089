using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Contracts.Tests.Tokens.OpenPaygo;

/// <summary>The checked examples of spec/openpaygo.md, replayed as written.</summary>
public class SpecExamplesTests
{
    private const string KeyHex = "a29ab82edc5fbbc41ec9530f6dac86b1";
    private static readonly OpenPaygoKey Key = OpenPaygoKey.Parse(KeyHex);
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CheckedSequence_EnteredInOrder_GivesTheTablesResults()
    {
        var state = new OpenPaygoDeviceState { Key = KeyHex, StartingCode = 123456789, TimeDivider = 1, LastCount = 0 };
        var now = Start;
        OpenPaygoEntryResult Enter(string token)
        {
            var entry = OpenPaygoDevice.EnterToken(state, token, now);
            state = entry.State;
            now = now.AddHours(1); // past any wait the invalid entry starts
            return entry.Result;
        }

        Assert.Equal(new OpenPaygoEntryResult(OpenPaygoEntryStatus.Invalid, Reason: "not a token of this device"), Enter("123456789"));
        Assert.Equal(Valid(OpenPaygoTokenType.AddTime, 1, 2), Enter("662486790"));
        Assert.Equal(OpenPaygoEntryStatus.AlreadyUsed, Enter("662486790").Status);
        Assert.Equal(Valid(OpenPaygoTokenType.AddTime, 29, 4), Enter("927706818"));
        Assert.Equal(Valid(OpenPaygoTokenType.SetTime, 7, 5), Enter("942433796"));
        Assert.Equal(Valid(OpenPaygoTokenType.DisablePayg, 998, 7), Enter("650975787"));
        Assert.True(state.PaygDisabled);
        Assert.Equal(Valid(OpenPaygoTokenType.SetTime, 0, 9), Enter("592185789"));
        Assert.False(state.PaygDisabled);
        Assert.False(state.IsActive(now));
        Assert.Equal(9, state.LastCount);
    }

    [Fact]
    public void RestrictedDigitForm_Of662486790_Is324244134441123()
    {
        var token = OpenPaygoEncoder.Generate(Key, 123456789, 0, OpenPaygoTokenType.AddTime, 1, OpenPaygoMode.RestrictedDigits);

        Assert.Equal("324244134441123", token.Digits);
    }

    [Fact]
    public void RestrictedDigitForm_EnteredOnA1To4Keypad_AddsOneDay()
    {
        var state = new OpenPaygoDeviceState { Key = KeyHex, StartingCode = 123456789, Restricted = true };

        var entry = OpenPaygoDevice.EnterToken(state, "324244134441123", Start);

        Assert.Equal(Valid(OpenPaygoTokenType.AddTime, 1, 2), entry.Result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void ValueMasking_StartingCode123456789Value50_EndsIn839(int lastCount)
    {
        var token = OpenPaygoEncoder.Generate(Key, 123456789, lastCount, OpenPaygoTokenType.AddTime, 50);

        Assert.EndsWith("839", token.Digits, StringComparison.Ordinal);
    }

    private static OpenPaygoEntryResult Valid(OpenPaygoTokenType type, int value, int count) =>
        new(OpenPaygoEntryStatus.Valid, type, value, count);
}
