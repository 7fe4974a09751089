using SQLitePCL;

namespace SmsVending.Infrastructure.Storage;

/// <summary>Sets SQLite's process-wide options before its first use: connections without their own mutex, allocations without statistics.</summary>
/// <remarks>
/// The bundled library defaults to serialized mode, which takes a connection's mutex on every call, and counts every allocation
/// under one global mutex; together about 3% of a purchase's CPU went to those locks. ADO.NET never lets two threads use one
/// connection (or its statements) at once, which is all multi-thread mode asks, provided every command is disposed (a statement left
/// to the finalizer would be freed on its thread while the connection serves another caller). SQLite takes these options only before it is
/// initialised; when something in the process used it first, it keeps its defaults, which are slower but just as correct.
/// </remarks>
public static class SqliteThreading
{
    /// <summary>Whether the options took (false when SQLite was already in use).</summary>
    public static bool Configured { get; } = Configure();

    private static bool Configure()
    {
        Batteries_V2.Init();
        // Both are set whatever the first answers (&, not &&).
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK
            & raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}
