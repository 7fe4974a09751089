using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmsVending.Vending.Messaging;
using SmsVending.Vending.Purchases;

namespace SmsVending.Vending.Payments;

/// <summary>Every half minute, refuses purchases whose mobile-money charge was never settled, and tells their customers.</summary>
internal sealed class ChargeExpiry(IServiceScopeFactory scopes, TimeProvider clock, VendingOptions options, ILogger<ChargeExpiry> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var outcomes = await scope.ServiceProvider.GetRequiredService<PurchaseService>().ExpireChargesAsync(clock.GetUtcNow() - options.ChargeTimeout, stoppingToken);
                var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
                foreach (var outcome in outcomes)
                {
                    await Outcomes.PublishAsync(bus, outcome);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Expiring unsettled mobile-money charges failed; trying again on the next tick");
            }
        }
    }
}
