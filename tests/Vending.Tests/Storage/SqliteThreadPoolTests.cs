using SmsVending.Infrastructure.Storage;
using SmsVending.Testing;
using SmsVending.Vending.Storage;

namespace SmsVending.Vending.Tests.Storage;

/// <summary><see cref="SqliteThreadPool"/>: a SQLite database keeps enough pool workers ready for the calls that block them.</summary>
public sealed class SqliteThreadPoolTests
{
    [Fact]
    public async Task SqliteDatabase_KeepsSixteenWorkersReady_AndLeavesAHigherMinimumAlone()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using (new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString))
        {
            // The pool's own minimum is one worker per core.
            ThreadPool.GetMinThreads(out var workers, out _);
            Assert.True(workers >= SqliteThreadPool.MinimumWorkers, $"the pool keeps {workers} workers ready");
        }

        ThreadPool.GetMinThreads(out var before, out var completionPorts);
        Assert.True(ThreadPool.SetMinThreads(40, completionPorts));
        try
        {
            using (new VendingDatabase(DatabaseProvider.Sqlite, test.ConnectionString))
            {
                ThreadPool.GetMinThreads(out var workers, out _);
                Assert.Equal(40, workers);
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(before, completionPorts);
        }
    }
}
