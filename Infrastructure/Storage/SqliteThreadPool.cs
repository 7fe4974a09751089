namespace SmsVending.Infrastructure.Storage;

/// <summary>Keeps enough thread-pool workers in a process that uses SQLite for its calls that block them.</summary>
/// <remarks>Microsoft.Data.Sqlite's async methods run synchronously: a commit holds its pool thread through the disk sync (a few
/// milliseconds), a read through any page it fetches. The pool starts with one worker per core and adds more only slowly once work
/// waits, so under load on two cores a worker blocked in a sync left ready work queued behind it while a core sat idle. With at
/// least 16 workers the embedded system's p99 fell by about a quarter at the same throughput (README, Figures, item 19).</remarks>
internal static class SqliteThreadPool
{
    /// <summary>The fewest workers the pool keeps ready: the three group-commit writers and the reads waiting on the disk at once,
    /// with room for the work that needs the cores meanwhile. 32 measured no better than 16.</summary>
    public const int MinimumWorkers = 16;

    /// <summary>Raises the pool's minimum to <see cref="MinimumWorkers"/>; never lowers one set higher.</summary>
    public static void Reserve()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinimumWorkers)
        {
            ThreadPool.SetMinThreads(MinimumWorkers, completionPorts);
        }
    }
}
