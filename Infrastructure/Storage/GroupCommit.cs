using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SmsVending.Infrastructure.Storage;

/// <summary>One writer per SQLite file, committing every write that queued while the previous commit synced as one transaction:
/// one disk sync serves many writes, and writers wait in this queue rather than in SQLite's busy handler (which sleeps on a
/// blocked pool thread). Each write runs inside its own savepoint, so a write that throws is undone alone and its caller
/// gets the exception; the others commit. A caller's task completes only once its write is durable.</summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Writes per transaction at most, so one batch cannot hold the file for long.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<IQueuedWrite> queue = Channel.CreateUnbounded<IQueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> open;
    private readonly Task writer;

    public GroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        this.open = open;
        writer = Task.Run(WriteAllAsync);
    }

    private interface IQueuedWrite
    {
        CancellationToken CancellationToken { get; }

        Task RunAsync(DbConnection connection);

        void Fail(Exception exception);

        void Complete();
    }

    public Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        if (!queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "the database is closing");
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAllAsync()
    {
        WriterStatements? writer = null;
        var batch = new List<IQueuedWrite>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                }
                else
                {
                    batch.Add(write);
                }
            }

            try
            {
                writer ??= new WriterStatements(await open(CancellationToken.None));
                await CommitAsync(writer, batch);
            }
            catch (Exception e)
            {
                // The transaction itself failed (disk full, I/O error): nothing in it was written. Start afresh next time, on a new
                // connection: the pool would hand this one back as the failure left it.
                batch.ForEach(w => w.Fail(e));
                if (writer is not null)
                {
                    SqliteConnection.ClearPool(writer.Sqlite);
                    await writer.DisposeAsync();
                    writer = null;
                }
            }

            batch.Clear();
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
    }

    private static async Task CommitAsync(WriterStatements writer, List<IQueuedWrite> batch)
    {
        var (connection, done) = (writer.Connection, new List<IQueuedWrite>(batch.Count));
        // A write that failed learns it once the batch is committed: when another write in the batch made it fail (a unique key
        // taken first), a retry then finds that write's rows.
        var failed = new List<(IQueuedWrite Write, Exception Error)>();
        await writer.BeginAsync();
        try
        {
            foreach (var write in batch)
            {
                await writer.SavepointAsync();
                try
                {
                    await write.RunAsync(connection);
                    await writer.ReleaseAsync();
                    done.Add(write);
                }
                catch (Exception e) when (e is not SqliteException { SqliteErrorCode: 10 or 13 }) // I/O error, disk full: the whole batch fails
                {
                    await connection.ExecuteAsync(Database.Statement("ROLLBACK TO write; RELEASE write"));
                    failed.Add((write, e));
                }
            }

            await writer.CommitAsync();
        }
        catch
        {
            // Nothing in the batch was written, so a failed write's own error (a key taken by a write now undone) would mislead: every
            // write gets the batch's error.
            await Database.RollbackQuietlyAsync(connection);
            throw;
        }

        done.ForEach(w => w.Complete());
        failed.ForEach(f => f.Write.Fail(f.Error));
    }

    private sealed class QueuedWrite<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => done.Task;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public async Task RunAsync(DbConnection connection) => result = await work(connection);

        public void Fail(Exception exception) => done.TrySetException(exception);

        public void Complete() => done.TrySetResult(result!);
    }
}
