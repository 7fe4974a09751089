using SmsVending.Infrastructure.Storage;

namespace SmsVending.Vending.Storage;

/// <summary>Vending's own database (schema in Storage/Schema).</summary>
public sealed class VendingDatabase(DatabaseProvider provider, string connectionString) : Database(provider, connectionString);
