using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Sms;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Tests.Meters;

public class TokenTextTests
{
    [Theory]
    [InlineData("Token 1234 5678 9012 3456 7890 Mtr 04123456789 12.5kWh KES 500.00 Bal KES 0.00 Ref 7F3A", "12345678901234567890")]
    [InlineData("Token 12345678901234567890 Ref 7F3A", "12345678901234567890")]
    [InlineData("Enter in order: 1)1111 2222 3333 4444 5555 2)6666 7777 8888 9999 0000 3)0123 4567 8901 2345 6789 Ref 7F3A",
        "11112222333344445555,66667777888899990000,01234567890123456789")]
    [InlineData("In order: 1)11112222333344445555 2)66667777888899990000 Ref 7F3A", "11112222333344445555,66667777888899990000")]
    [InlineData("Tokeni 1234-5678-9012-3456-7890 Kumb 7F3A", "12345678901234567890")]
    public void Find_TokenMessage_GivesTheTokensInOrder(string text, string tokens)
    {
        Assert.Equal(tokens.Split(','), TokenText.Find(text));
    }

    [Theory]
    [InlineData("Not enough balance (KES 20.00). Pay by M-Pesa, then try again.")]
    [InlineData("Meter 04123456789 not found.")]
    [InlineData("123456789012345678901")]
    [InlineData("1234 5678 9012 3456")]
    public void Find_NoWholeToken_GivesNone(string text)
    {
        Assert.Empty(TokenText.Find(text));
    }

    /// <summary>Read from the Gateway's own replies, so a change of their wording fails here rather than in a load run.</summary>
    [Theory]
    [InlineData(PurchaseRejection.ServiceBusy, "en", true)]
    [InlineData(PurchaseRejection.ServiceBusy, "sw", true)]
    [InlineData(PurchaseRejection.InsufficientBalance, "en", false)]
    [InlineData(PurchaseRejection.TokenRefused, "en", false)]
    [InlineData(PurchaseRejection.TokenRefused, "sw", false)]
    public void Promised_TheGatewaysRefusals_OnlyTheBusyNoticePromisesTokens(PurchaseRejection reason, string language, bool promised)
    {
        var reply = SmsReplies.Rejected(new PurchaseRejected
        {
            PurchaseId = Guid.Parse("7f3a0000-0000-0000-0000-000000000001"), IdempotencyKey = "SM1", Phone = "+254712345678", Language = language,
            Reason = reason, Message = "", Amount = 20m,
        });

        Assert.Equal(promised, TokenText.Promised(reply));
    }

    [Fact]
    public void Promised_TheOverloadRefusal_PromisesNothing()
    {
        Assert.False(TokenText.Promised(SmsReplies.Busy)); // nothing was charged: the customer sends again
    }
}
