using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Gateway.Admin;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.Admin;

/// <summary>What a route answers when the service it asks refuses or does not answer.</summary>
public sealed class AdminBusTests
{
    [Fact]
    public async Task RespondAsync_NobodyAnswers_Is503NamingTheService()
    {
        await using var provider = new ServiceCollection().AddTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var result = await AdminBus.RespondAsync(harness.GetRequestClient<ListTariffs>(), new ListTariffs(), (TariffsListed a) => AdminBus.Json(a),
            CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.StartsWith("Vending did not answer", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RefusalKind.Invalid, StatusCodes.Status400BadRequest)]
    [InlineData(RefusalKind.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(RefusalKind.Conflict, StatusCodes.Status409Conflict)]
    [InlineData(RefusalKind.Forbidden, StatusCodes.Status403Forbidden)]
    public async Task RespondAsync_ARefusal_IsTheStatusOfItsKindWhateverItsWords(RefusalKind kind, int status)
    {
        // Words that once decided the status ("no meter …" was 404, "… already" 409) must not: the kind alone does.
        const string Reason = "no meter 123 is registered already";
        await using var provider = new ServiceCollection()
            .AddTestHarness(bus => bus.AddHandler<ListTariffs>(context => context.RespondAsync(new AdminRequestRefused(Reason, 7, kind))))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var result = await AdminBus.RespondAsync(harness.GetRequestClient<ListTariffs>(), new ListTariffs(), (TariffsListed a) => AdminBus.Json(a),
            CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal((status, Reason, 7), (problem.StatusCode, problem.ProblemDetails.Detail, (int)problem.ProblemDetails.Extensions["line"]!));
    }
}
