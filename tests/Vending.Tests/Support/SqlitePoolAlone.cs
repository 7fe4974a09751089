namespace SmsVending.Vending.Tests.Support;

/// <summary>Tests that watch SQLite's connection pool run alone: other tests' clean-up empties every pool in the process
/// (<c>SqliteConnection.ClearAllPools</c>), which would hand such a test a new connection where it expects the pooled one.</summary>
[CollectionDefinition(nameof(SqlitePoolAlone), DisableParallelization = true)]
public sealed class SqlitePoolAlone;
