using SmsVending.Contracts.Refusals;
using SmsVending.Infrastructure.Phones;
using System.Data.Common;
using Dapper;
using SmsVending.Infrastructure.Credentials;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Customers;

/// <summary>Registers customers and checks their PINs (Argon2id; repeated failures lock purchases for a while).</summary>
public sealed class CustomerStore(VendingDatabase database, CredentialHasher hasher, TimeProvider clock, VendingOptions options)
{
    internal const string Columns = "id, phone, name, language, pin_hash, pin_failures, pin_locked_until, status";

    /// <summary>The PIN a customer who never set one gives as the old PIN of their first change (SMS "PIN 0000 &lt;new&gt;").</summary>
    /// <remarks>Safe because the phone itself authenticates the SMS, and purchases ask for no PIN until one is set.</remarks>
    public const string FirstPin = "0000";

    /// <summary>Registers a customer; the phone is normalised to E.164 and must be new.</summary>
    public async Task<Customer> RegisterAsync(string phone, string name, string language = "en", string? pin = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await RegisterAsync(connection, null, phone, CheckedName(name), language, pin, cancellationToken);
    }

    /// <summary>Registers a phone that linked itself to a meter by SMS: no name yet (staff or the customer may add one), English.</summary>
    public async Task<Customer> RegisterSelfAsync(string phone, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await RegisterAsync(connection, null, phone, "", "en", null, cancellationToken);
    }

    /// <summary>Registers a customer in the caller's transaction (an import registers many or none); the caller has checked the name.</summary>
    internal async Task<Customer> RegisterAsync(DbConnection connection, DbTransaction? transaction, string phone, string name, string language, string? pin,
        CancellationToken cancellationToken)
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7().ToString("N"), Phone = Phones.Normalise(phone, options.DefaultRegion), Name = name,
            Language = CheckedLanguage(language), PinHash = pin is null ? null : hasher.Hash(CheckedPin(pin)),
        };
        const string Sql = $"""
            INSERT INTO vd_customers ({Columns}, created_at)
            VALUES (@Id, @Phone, @Name, @Language, @PinHash, 0, NULL, @Status, @At)
            """;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                customer.Id, customer.Phone, customer.Name, customer.Language, customer.PinHash, customer.Status, At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            throw new RefusedException(RefusalKind.Conflict, $"a customer with phone {Phones.Masked(customer.Phone)} is registered already", e);
        }

        return customer;
    }

    /// <summary>Customers whose name or phone contains the query (all without one), by name, a page at a time, and how many match in all.</summary>
    public async Task<(IReadOnlyList<Customer> Page, int Total)> ListAsync(string? query, int limit, int offset, CancellationToken cancellationToken = default)
    {
        const string Where = "WHERE @pattern IS NULL OR LOWER(name) LIKE @pattern OR phone LIKE @pattern OR phone = @e164";
        const string Page = $"SELECT {Columns} FROM vd_customers {Where} ORDER BY LOWER(name), phone LIMIT @limit OFFSET @offset";
        const string Count = $"SELECT COUNT(*) FROM vd_customers {Where}";
        var text = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var e164 = text is not null && Phones.TryNormalise(text, options.DefaultRegion, out var normalised, out _) ? normalised : null;
        var parameters = new { pattern = text is null ? null : $"%{text.ToLowerInvariant()}%", e164, limit, offset };
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await connection.QueryAsync<Customer>(new CommandDefinition(Page, parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, parameters, cancellationToken: cancellationToken));
        return ([.. page], total);
    }

    /// <summary>The customer with this phone (any common notation), or null.</summary>
    public async Task<Customer?> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default)
    {
        if (E164(phone) is not { } e164)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Customer>(new CommandDefinition(
            $"SELECT {Columns} FROM vd_customers WHERE phone = @e164", new { e164 }, cancellationToken: cancellationToken));
    }

    /// <summary>A phone (any common notation) in E.164, as customers are stored, or null when it is not a phone number.</summary>
    internal string? E164(string phone) => Phones.TryNormalise(phone, options.DefaultRegion, out var e164, out _) ? e164 : null;

    /// <summary>The customer with this phone, or an <see cref="ArgumentException"/> saying none is registered.</summary>
    public async Task<Customer> GetByPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        await FindByPhoneAsync(phone, cancellationToken) ?? throw new RefusedException(RefusalKind.NotFound, $"no customer is registered with phone {phone}");

    /// <summary>A customer by id, or null.</summary>
    public async Task<Customer?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Customer>(new CommandDefinition(
            $"SELECT {Columns} FROM vd_customers WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Checks a PIN: null when right (or none is set), else why not. Wrong PINs count towards a lock.</summary>
    public Task<PinProblem?> CheckPinAsync(Customer customer, string? pin, CancellationToken cancellationToken = default) =>
        customer.PinHash is null ? Task.FromResult<PinProblem?>(null) : AttemptAsync(customer, pin, cancellationToken);

    /// <summary>Checks the old PIN of a PIN change: the current PIN, or <see cref="FirstPin"/> while none is set. Wrong ones count towards the lock.</summary>
    public Task<PinProblem?> CheckOldPinAsync(Customer customer, string pin, CancellationToken cancellationToken = default) =>
        AttemptAsync(customer, pin, cancellationToken);

    /// <summary>Sets a new PIN (4 to 8 digits) and clears any failures and lock.</summary>
    public async Task SetPinAsync(Customer customer, string pin, CancellationToken cancellationToken = default)
    {
        if (!IsValidPin(pin))
        {
            throw new ArgumentException("a PIN has 4 to 8 digits");
        }

        const string Sql = "UPDATE vd_customers SET pin_hash = @PinHash, pin_failures = 0, pin_locked_until = NULL WHERE id = @Id";
        customer.PinHash = hasher.Hash(pin);
        await database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { customer.PinHash, customer.Id }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Whether the PIN is right: a customer without a PIN has the well-known <see cref="FirstPin"/> until they set one.</summary>
    public static bool Matches(Customer customer, string pin) =>
        customer.PinHash is null ? pin == FirstPin : CredentialHasher.Verify(pin, customer.PinHash);

    /// <summary>4 to 8 digits.</summary>
    public static bool IsValidPin(string pin) => pin.Length is >= 4 and <= 8 && pin.All(char.IsAsciiDigit);

    private async Task<PinProblem?> AttemptAsync(Customer customer, string? pin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (customer.PinLockedUntil > now)
        {
            return new PinProblem(PinOutcome.Locked, DateTimeOffset.FromUnixTimeMilliseconds(customer.PinLockedUntil.Value));
        }

        if (pin is null)
        {
            return new PinProblem(PinOutcome.Missing, null);
        }

        return await database.WriteAsync(async connection =>
        {
            if (Matches(customer, pin))
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE vd_customers SET pin_failures = 0 WHERE id = @Id", customer, cancellationToken: cancellationToken));
                return null;
            }

            const string Failed = """
                UPDATE vd_customers SET
                    pin_locked_until = CASE WHEN pin_failures + 1 >= @Limit THEN @Until ELSE pin_locked_until END,
                    pin_failures = CASE WHEN pin_failures + 1 >= @Limit THEN 0 ELSE pin_failures + 1 END
                WHERE id = @Id
                RETURNING pin_locked_until
                """;
            var until = now + (long)options.PinLockout.TotalMilliseconds;
            var lockedUntil = await connection.QuerySingleAsync<long?>(new CommandDefinition(Failed, new { customer.Id, Limit = options.PinMaxFailures, Until = until },
                cancellationToken: cancellationToken));
            return lockedUntil == until
                ? new PinProblem(PinOutcome.Locked, DateTimeOffset.FromUnixTimeMilliseconds(until))
                : new PinProblem(PinOutcome.Wrong, null);
        }, cancellationToken);
    }

    /// <summary>The trimmed name, or an <see cref="ArgumentException"/> when it is empty or too long.</summary>
    internal static string CheckedName(string name) => name.Trim() is { Length: > 0 and <= 100 } trimmed
        ? trimmed
        : throw new ArgumentException("a customer's name has 1 to 100 characters");

    private static string CheckedLanguage(string language) => language is "en" or "sw"
        ? language
        : throw new ArgumentException($"replies are written in en or sw, not {language}");

    private static string CheckedPin(string pin) => IsValidPin(pin)
        ? pin
        : throw new ArgumentException("a PIN has 4 to 8 digits");
}

/// <summary>Why a PIN check failed.</summary>
public sealed record PinProblem(PinOutcome Outcome, DateTimeOffset? LockedUntil);

/// <summary>PIN check outcomes that stop a purchase.</summary>
public enum PinOutcome
{
    /// <summary>The customer set a PIN and gave none.</summary>
    Missing,

    /// <summary>The PIN did not match.</summary>
    Wrong,

    /// <summary>Too many wrong PINs.</summary>
    Locked,
}
