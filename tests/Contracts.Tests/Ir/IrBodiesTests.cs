using SmsVending.Contracts.Ir;

namespace SmsVending.Contracts.Tests.Ir;

public class IrBodiesTests
{
    [Fact]
    public void PurchaseRequest_RoundTrips_WithAndWithoutPin()
    {
        var withPin = new IrPurchaseRequest("04123456789", "+254711000001", 500.50m, "1234");
        var without = withPin with { Pin = null };

        Assert.Equal(withPin, IrPurchaseRequest.Decode(withPin.Encode()));
        Assert.Equal(without, IrPurchaseRequest.Decode(without.Encode()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e3")]
    public void PurchaseRequest_AmountNotPositive_IsMalformed(string amount)
    {
        var body = new IrWriter().Text("04123456789").Text("+254711000001").Text(amount).Text("").ToArray();

        var error = Assert.Throws<IrProtocolException>(() => IrPurchaseRequest.Decode(body));

        Assert.Equal(IrRefusal.Malformed, error.Reason);
    }

    [Fact]
    public void Confirmation_RoundTrips()
    {
        var confirmation = new IrConfirmation(IrOutcome.Issued, "04123456789", Guid.NewGuid(), ["12345678901234567890", "09876543210987654321"], 28.7m, "kWh");

        var decoded = IrConfirmation.Decode(confirmation.Encode());

        Assert.Equal(confirmation.PurchaseId, decoded.PurchaseId);
        Assert.Equal(confirmation.Tokens, decoded.Tokens);
        Assert.Equal((IrOutcome.Issued, 28.7m, "kWh", 0, ""), (decoded.Outcome, decoded.Units, decoded.Unit, decoded.Reason, decoded.Message));
    }

    [Fact]
    public void Confirmation_TrailingBytes_AreMalformed()
    {
        var body = new IrConfirmation(IrOutcome.Refused, "04123456789", Guid.Empty, [], 0m, "", 11, "Insufficient balance").Encode();

        Assert.Equal(IrRefusal.Malformed, Assert.Throws<IrProtocolException>(() => IrConfirmation.Decode([.. body, 0])).Reason);
    }

    [Fact]
    public void Hello_AccountNumberNotDigits_IsMalformed()
    {
        var body = new IrHello("04A23456789", new byte[32], new byte[32]).Encode();

        Assert.Equal(IrRefusal.Malformed, Assert.Throws<IrProtocolException>(() => IrHello.Decode(body)).Reason);
    }

    [Fact]
    public void HostHello_Short_IsMalformed()
    {
        var body = new IrHostHello(new byte[32], new byte[32], DateTimeOffset.UnixEpoch, new byte[64]).Encode();

        Assert.Equal(IrRefusal.Malformed, Assert.Throws<IrProtocolException>(() => IrHostHello.Decode(body[..^1])).Reason);
    }
}
