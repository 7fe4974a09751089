using System.ComponentModel.DataAnnotations;

namespace SmsVending.Infrastructure.Storage;

/// <summary>Where a service keeps its data; each service's options add their own settings.</summary>
public abstract class DatabaseOptions
{
    /// <summary>Sqlite (embedded) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The database connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";
}
