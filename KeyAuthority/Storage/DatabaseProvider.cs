namespace SmsVending.KeyAuthority.Storage;

/// <summary>The databases the KeyAuthority runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the embedded mode.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the distributed mode, shared by several KeyAuthority instances.</summary>
    Postgres,
}
