using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmsVending.Gateway.Tests.Embedded;

/// <summary>The Gateway as `dotnet run --project Gateway -- --data DIR` starts it, in-process over a temporary data folder.</summary>
public sealed class EmbeddedGateway(string dataFolder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("data", dataFolder);

    /// <summary>Polls until the condition holds, or fails after a bounded wait.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"gave up waiting: {what}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
