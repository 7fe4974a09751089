using SmsVending.Infrastructure.Storage;

namespace SmsVending.Gateway.Storage;

/// <summary>The Gateway's own database: the message log, the outbox, USSD sessions and the staff audit (schema in Storage/Schema).</summary>
public sealed class GatewayDatabase(DatabaseProvider provider, string connectionString) : Database(provider, connectionString);
