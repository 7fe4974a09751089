using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Admin;

namespace SmsVending.Gateway.Tests.Admin;

/// <summary>What a route answers when the service it asks does not answer.</summary>
public sealed class AdminBusTests
{
    [Fact]
    public async Task RespondAsync_NobodyAnswers_Is503NamingTheService()
    {
        await using var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var result = await AdminBus.RespondAsync(harness.GetRequestClient<ListTariffs>(), new ListTariffs(), (TariffsListed a) => AdminBus.Json(a),
            CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.StartsWith("Vending did not answer", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }
}
