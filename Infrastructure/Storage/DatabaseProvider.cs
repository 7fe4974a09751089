namespace SmsVending.Infrastructure.Storage;

/// <summary>The databases the services run on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the embedded mode.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the distributed mode, shared by several instances of a service.</summary>
    Postgres,
}
