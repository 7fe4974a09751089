using System.ComponentModel.DataAnnotations;
using SmsVending.Infrastructure.Storage;

namespace SmsVending.KeyAuthority;

/// <summary>The KeyAuthority's settings (configuration section "KeyAuthority"), checked at start.</summary>
public sealed class KeyAuthorityOptions : DatabaseOptions
{
    /// <summary>The embedded default store.</summary>
    public KeyAuthorityOptions() => ConnectionString = "Data Source=data/keyauthority.db";

    /// <summary>The configuration section.</summary>
    public const string Section = "KeyAuthority";

    /// <summary>The master key file (64 hex digits); the SMSVENDING_MASTER_KEY environment variable wins over it.</summary>
    public string? MasterKeyFile { get; set; } = "data/master.key";

    /// <summary>Create the master key file when it is missing (the embedded default; deployments supply their key).</summary>
    public bool CreateMasterKey { get; set; }

    /// <summary>Allow the manufacturing export of decoder keys (off unless a factory needs it).</summary>
    public bool ManufacturingExport { get; set; }

    /// <summary>Wrong registration codes before the account locks.</summary>
    [Range(1, 100)]
    public int CredentialMaxFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan CredentialLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an IR session may take from the host's hello (frame 2) to the meter's request (frame 3).</summary>
    public TimeSpan IrSessionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a relaying phone is told to wait before asking again for a confirmation still being made.</summary>
    public TimeSpan IrPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An IR purchase still undecided this long after it was published is published again (Vending takes it once).</summary>
    public TimeSpan IrRepublishAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an IR session that expired without a request (an abandoned handshake) is kept before it is deleted; its
    /// process key is erased as soon as it expires.</summary>
    public TimeSpan IrAbandonedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often abandoned IR sessions are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IrSweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
