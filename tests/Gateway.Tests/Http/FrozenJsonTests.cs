using System.Reflection;
using System.Runtime.Loader;
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

    [Theory]
    [InlineData(typeof(DarajaClient), nameof(DarajaClient.Exact))]
    [InlineData(typeof(AdminJson), nameof(AdminJson.Options))]
    public void TheGatewaysOwnOptions_AreReadOnlyBeforeAnyUse(Type owner, string field)
    {
        // Any serialization makes options read-only too, and other tests in this process have used these: the Gateway's assembly
        // is loaded afresh, as a freshly started Gateway has it, so the options are seen as built and before any request.
        var fresh = new AssemblyLoadContext("fresh Gateway", isCollectible: true);
        try
        {
            var options = (JsonSerializerOptions)fresh.LoadFromAssemblyPath(owner.Assembly.Location).GetType(owner.FullName!, throwOnError: true)!
                .GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            Assert.True(options.IsReadOnly);
        }
        finally
        {
            fresh.Unload();
        }
    }
}
