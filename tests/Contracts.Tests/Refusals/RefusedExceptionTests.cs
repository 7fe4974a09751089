using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Tokens.Sts;

namespace SmsVending.Contracts.Tests.Refusals;

/// <summary>A refusal's kind travels with the exception that carries it, however it is wrapped.</summary>
public sealed class RefusedExceptionTests
{
    [Fact]
    public void KindOf_ARefusalWrappedInAnotherException_IsTheWrappedRefusalsKind_AndAnyOtherBadRequestIsInvalid()
    {
        var conflict = new RefusedException(RefusalKind.Conflict, "meter 1 is registered already");

        Assert.Equal(RefusalKind.Conflict, RefusedException.KindOf(conflict));
        Assert.Equal(RefusalKind.Conflict, RefusedException.KindOf(new ArgumentException("line 3: meter 1 is registered already", conflict)));
        Assert.Equal(RefusalKind.Invalid, RefusedException.KindOf(new ArgumentException("no meter column")));
    }

    [Theory]
    [InlineData("01234567897", RefusalKind.NotFound, "no meter 01234567897 is registered")] // a well-formed number nobody registered
    [InlineData("SHS-9", RefusalKind.NotFound, "no meter SHS-9 is registered")] // a device serial
    [InlineData("01234567890", RefusalKind.Invalid, "check digit")] // mistyped: the hint, not "no meter"
    public void Unknown_AMeterThatMatchedNone_IsNotFoundUnlessTheNumberIsMistyped(string text, RefusalKind kind, string reason)
    {
        var refusal = MeterReference.Unknown(text);

        Assert.Equal(kind, refusal.Kind);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.True(MeterNumber.TryParse(text, out _, out _) || kind == RefusalKind.Invalid || !text.All(char.IsAsciiDigit));
    }
}
