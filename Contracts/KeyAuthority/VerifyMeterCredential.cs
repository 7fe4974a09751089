namespace SmsVending.Contracts.KeyAuthority;

/// <summary>Checks the registration code (the patent's account password) of a meter account.</summary>
public sealed record VerifyMeterCredential(string MeterNumber, string Secret);

/// <summary>The answer to <see cref="VerifyMeterCredential"/>.</summary>
/// <param name="MeterNumber">The meter.</param>
/// <param name="Outcome">Verified, wrong, locked, or no credential set.</param>
/// <param name="AttemptsLeft">Wrong attempts left before the lock.</param>
/// <param name="LockedUntil">When a locked account opens again.</param>
public sealed record MeterCredentialChecked(string MeterNumber, CredentialOutcome Outcome, int AttemptsLeft, DateTimeOffset? LockedUntil);

/// <summary>How a credential check ended.</summary>
public enum CredentialOutcome
{
    /// <summary>The secret matched.</summary>
    Verified = 0,

    /// <summary>The secret did not match.</summary>
    Wrong = 1,

    /// <summary>Too many wrong attempts: no check until the lock ends.</summary>
    Locked = 2,

    /// <summary>The meter has no credential, or is unknown.</summary>
    NotSet = 3,
}
