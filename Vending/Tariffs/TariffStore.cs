using System.Text.Json;
using Dapper;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tariffs;

/// <summary>Tariffs by id, stored as their JSON definition.</summary>
public sealed class TariffStore(VendingDatabase database)
{
    /// <summary>Adds a tariff or replaces its definition (the next purchase uses the new prices).</summary>
    public async Task SaveAsync(Tariff tariff, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO vd_tariffs (id, definition) VALUES (@Id, @Definition)
            ON CONFLICT (id) DO UPDATE SET definition = excluded.definition
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { tariff.Validated().Id, Definition = JsonSerializer.Serialize(tariff) },
            cancellationToken: cancellationToken));
    }

    /// <summary>A tariff, or null.</summary>
    public async Task<Tariff?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition FROM vd_tariffs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return json is null ? null : Parse(json);
    }

    /// <summary>Every tariff, by id.</summary>
    public async Task<IReadOnlyList<Tariff>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var definitions = await connection.QueryAsync<string>(new CommandDefinition("SELECT definition FROM vd_tariffs ORDER BY id", cancellationToken: cancellationToken));
        return [.. definitions.Select(Parse)];
    }

    /// <summary>A tariff from its stored definition.</summary>
    internal static Tariff Parse(string definition) =>
        JsonSerializer.Deserialize<Tariff>(definition) ?? throw new InvalidDataException("a tariff's stored definition is null");
}
