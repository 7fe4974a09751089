using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmsVending.Gateway.Health;

/// <summary>Ready when the service's database answers.</summary>
internal sealed class DatabaseHealthCheck<TDatabase>(TDatabase database) : IHealthCheck where TDatabase : Infrastructure.Storage.Database
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{typeof(TDatabase).Name} does not answer: {e.Message}");
        }
    }
}
