using System.Text.Json;
using SmsVending.Gateway.Admin;
using SmsVending.Gateway.Http;
using SmsVending.Gateway.Payments;

namespace SmsVending.Gateway.Tests.Http;

/// <summary><see cref="FrozenJson"/>: options that <c>TypedResults.Json</c> is handed are read-only before any request uses them, so
/// ASP.NET never sets a resolver on options another request has just locked.</summary>
public sealed class FrozenJsonTests
{
    [Fact]
    public void Freeze_FreshOptions_AreReadOnlyWithAResolver()
    {
        var options = FrozenJson.Freeze(new JsonSerializerOptions { PropertyNamingPolicy = null });

        Assert.True(options.IsReadOnly);
        Assert.NotNull(options.TypeInfoResolver);
        Assert.Throws<InvalidOperationException>(() => options.TypeInfoResolver = null); // what a racing request met
    }

    [Fact]
    public void TheGatewaysOwnOptions_AreFrozen()
    {
        // Any serialization makes options read-only too, so after other tests in the process this holds either way; run alone (a
        // fresh process, as a freshly started Gateway) it fails for options built without FrozenJson.
        Assert.True(DarajaClient.Exact.IsReadOnly);
        Assert.True(AdminJson.Options.IsReadOnly);
    }
}
