using System.Net;
using SmsVending.Gateway.Ussd;
using SmsVending.Gateway.Webhooks;

namespace SmsVending.Gateway.Tests.Webhooks;

public sealed class CallbackSecretFilterTests
{
    [Theory]
    [InlineData("196.201.214.200", true)]
    [InlineData("::ffff:196.201.214.7", true)]
    [InlineData("196.201.215.1", false)]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.6", false)]
    public void IsAllowed_RangesAndSingleAddresses(string remote, bool allowed)
    {
        var filter = new CallbackSecretFilter<UssdOptions>(new UssdOptions { AllowedSources = ["196.201.214.0/24", "10.0.0.5"] });

        Assert.Equal(allowed, filter.IsAllowed(IPAddress.Parse(remote)));
    }

    [Fact]
    public void Networks_NotAnAddress_IsNull()
    {
        Assert.Null(new UssdOptions { AllowedSources = ["safaricom"] }.Networks());
    }
}
