using Microsoft.AspNetCore.Mvc.Testing;

namespace SmsVending.Gateway.Tests;

public class EmptyHostTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Root_SaysItIsAnEmptyHostForNow()
    {
        var body = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("empty host", body);
    }

    [Fact]
    public async Task HealthLive_Answers200()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
