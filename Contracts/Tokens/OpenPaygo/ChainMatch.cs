namespace SmsVending.Contracts.Tokens.OpenPaygo;

/// <summary>A token matched against a device's chain: type and count are meaningful only when valid.</summary>
internal readonly record struct ChainMatch(OpenPaygoEntryStatus Status, OpenPaygoTokenType Type, int Value, int Count);
