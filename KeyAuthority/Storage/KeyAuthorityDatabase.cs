using SmsVending.Infrastructure.Storage;

namespace SmsVending.KeyAuthority.Storage;

/// <summary>The KeyAuthority's own database (schema in Storage/Schema).</summary>
public sealed class KeyAuthorityDatabase(DatabaseProvider provider, string connectionString) : Database(provider, connectionString);
