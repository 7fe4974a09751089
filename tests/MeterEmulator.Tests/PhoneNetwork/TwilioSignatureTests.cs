using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Security;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class TwilioSignatureTests
{
    private static readonly Dictionary<string, string> SpecParameters = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+12349013030",
        ["Digits"] = "1234",
        ["From"] = "+12349013030",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void Compute_SpecKnownAnswer_Matches()
    {
        var signature = TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", SpecParameters);

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", signature);
    }

    [Theory]
    [InlineData("https://gateway.example/sms/twilio")]
    [InlineData("http://127.0.0.1:5000/sms/twilio?tenant=ke&x=%20y")]
    public void Compute_AnyForm_IsWhatTheSdksRequestValidatorAccepts(string url)
    {
        var form = new Dictionary<string, string>
        {
            ["Body"] = "BUY 04123456789 500 — ünïcödé & more",
            ["body"] = "lower case sorts after upper case",
            ["From"] = "+254711000001",
            ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
            ["NumMedia"] = "0",
            ["Zeta"] = "",
            ["a"] = "first by position, last ordinally",
        };

        var signature = TwilioSignature.Compute("s3cr3t-token", url, form);

        Assert.True(new RequestValidator("s3cr3t-token").Validate(url, form, signature));
        Assert.False(new RequestValidator("another-token").Validate(url, form, signature));
    }
}
