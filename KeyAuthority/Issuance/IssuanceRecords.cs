using System.Text.Json;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>What the KeyAuthority issued, from the stored answers to token requests (ka_requests).</summary>
internal sealed class IssuanceRecords(KeyAuthorityDatabase database)
{
    /// <summary>The issued set that holds exactly these token digits for the meter, and the token in it; null when there is none.</summary>
    public async Task<(TokenSetIssued Set, IssuedToken Token)?> FindTokenAsync(string meterNumber, string digits, CancellationToken cancellationToken = default)
    {
        // Digits are stored as a JSON string, so the quotes make the match exact; the JSON is parsed to be sure.
        const string Sql = "SELECT result FROM ka_requests WHERE meter_number = @meterNumber AND result LIKE @Pattern";
        await using var connection = await database.OpenAsync(cancellationToken);
        var results = await connection.QueryAsync<string>(new CommandDefinition(Sql, new { meterNumber, Pattern = $"%\"{digits}\"%" },
            cancellationToken: cancellationToken));
        return results.Select(r => JsonSerializer.Deserialize(r, IssuanceJson.Default.TokenSetIssued)!)
            .SelectMany(set => set.Tokens.Where(t => t.Digits == digits).Select(t => ((TokenSetIssued, IssuedToken)?)(set, t)))
            .FirstOrDefault();
    }
}
