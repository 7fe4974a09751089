using SQLitePCL;

namespace SmsVending.Infrastructure.Storage;

/// <summary>Sets SQLite's process-wide options before its first use: allocations without statistics (its threading mode stays serialized).</summary>
/// <remarks>
/// The bundled library counts every allocation under one global mutex; nothing here reads those statistics, so they are off.
/// Its threading mode stays serialized, each connection guarded by its own mutex. Multi-thread mode (no such mutex) saved a few
/// per cent of a purchase's CPU, but it crashed a test host in CI on 2026-12-07: a segfault in SQLite's per-connection allocator
/// (<c>sqlite3DbMallocRawNN</c>), the mark of two threads inside one connection at once, which the mutex makes safe wherever it comes
/// from (a statement freed by the finalizer thread, say). SQLite takes these options only before it is initialised; when something
/// in the process used it first, it keeps its defaults.
/// </remarks>
public static class SqliteProcessOptions
{
    /// <summary>Whether the options took (false when SQLite was already in use).</summary>
    public static bool Configured { get; } = Configure();

    private static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}
