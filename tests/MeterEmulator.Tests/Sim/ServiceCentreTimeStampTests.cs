using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class ServiceCentreTimeStampTests
{
    [Fact]
    public void Decode_PublishedExample_ReadsSwappedSemiOctetsAndQuarterHourZone()
    {
        // From the dreamfabric.com/sms SMS-DELIVER example: 99 30 92 51 61 95 80 = 1999-03-29 15:16:59, GMT+2 (8 quarters).
        Assert.Equal(new DateTimeOffset(1999, 3, 29, 15, 16, 59, TimeSpan.FromHours(2)), ServiceCentreTimeStamp.Decode(Convert.FromHexString("99309251619580")));
    }

    [Theory]
    [InlineData("2026-11-24T17:05:09+03:00", "62114271509021")]
    [InlineData("2026-01-02T03:04:05-05:30", "6210203040502A")]
    public void Encode_Time_WritesSwappedSemiOctetsWithSignedZone(string time, string octets)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var encoded = ServiceCentreTimeStamp.Encode(at);

        Assert.Equal(octets, Convert.ToHexString(encoded));
        Assert.Equal(at, ServiceCentreTimeStamp.Decode(encoded));
    }

    [Fact]
    public void Decode_NotADate_IsNull()
    {
        Assert.Null(ServiceCentreTimeStamp.Decode(Convert.FromHexString("99319251619580"))); // month 13
        Assert.Null(ServiceCentreTimeStamp.Decode(Convert.FromHexString("9930925161F580"))); // F is not a digit
    }
}
