using SmsVending.Infrastructure.Credentials;
using Dapper;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Credentials;

/// <summary>Sets and checks a meter account's registration code; repeated failures lock the account for a while.</summary>
internal sealed class CredentialVerifier(KeyAuthorityDatabase database, CredentialHasher hasher, TimeProvider clock, KeyAuthorityOptions options)
{
    /// <summary>Sets (or replaces) the code and clears any lock; false when there is no such meter.</summary>
    public async Task<bool> SetAsync(string meterNumber, string secret, CancellationToken cancellationToken = default)
    {
        const string Sql = "UPDATE ka_meters SET credential_hash = @Hash, failed_attempts = 0, locked_until = NULL WHERE meter_number = @meterNumber";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { Hash = hasher.Hash(secret), meterNumber }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Checks a code. The slow hash runs outside any transaction; the attempt count changes atomically.</summary>
    public async Task<MeterCredentialChecked> VerifyAsync(string meterNumber, string secret, CancellationToken cancellationToken = default)
    {
        const string Read = "SELECT credential_hash, failed_attempts, locked_until FROM ka_meters WHERE meter_number = @meterNumber";
        const string Succeeded = "UPDATE ka_meters SET failed_attempts = 0, locked_until = NULL WHERE meter_number = @meterNumber";
        // Reaching the limit locks the account and starts a fresh count for after the lock.
        const string Failed = """
            UPDATE ka_meters SET
                locked_until = CASE WHEN failed_attempts + 1 >= @Limit THEN @Until ELSE locked_until END,
                failed_attempts = CASE WHEN failed_attempts + 1 >= @Limit THEN 0 ELSE failed_attempts + 1 END
            WHERE meter_number = @meterNumber
            RETURNING failed_attempts, locked_until
            """;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<(string? Hash, int Failures, long? LockedUntil)>(
            new CommandDefinition(Read, new { meterNumber }, cancellationToken: cancellationToken));
        if (account.Hash is null)
        {
            return new MeterCredentialChecked(meterNumber, CredentialOutcome.NotSet, 0, null);
        }

        if (account.LockedUntil is { } locked && locked > now.ToUnixTimeMilliseconds())
        {
            return new MeterCredentialChecked(meterNumber, CredentialOutcome.Locked, 0, DateTimeOffset.FromUnixTimeMilliseconds(locked));
        }

        if (CredentialHasher.Verify(secret, account.Hash))
        {
            await connection.ExecuteAsync(new CommandDefinition(Succeeded, new { meterNumber }, cancellationToken: cancellationToken));
            return new MeterCredentialChecked(meterNumber, CredentialOutcome.Verified, options.CredentialMaxFailures, null);
        }

        var until = (now + options.CredentialLockout).ToUnixTimeMilliseconds();
        var after = await connection.QuerySingleAsync<(int Failures, long? LockedUntil)>(new CommandDefinition(
            Failed, new { meterNumber, Limit = options.CredentialMaxFailures, Until = until }, cancellationToken: cancellationToken));
        return after.LockedUntil == until
            ? new MeterCredentialChecked(meterNumber, CredentialOutcome.Locked, 0, DateTimeOffset.FromUnixTimeMilliseconds(until))
            : new MeterCredentialChecked(meterNumber, CredentialOutcome.Wrong, options.CredentialMaxFailures - after.Failures, null);
    }
}
