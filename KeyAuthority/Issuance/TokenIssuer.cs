using System.Threading.Channels;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Issues tokens through one writer per process that commits whatever requests are waiting in a single transaction.</summary>
/// <remarks>
/// Group commit: a durable commit costs one disk sync, so waiting requests share it instead of queueing for one each.
/// Each request is still all-or-nothing (see <see cref="IssuanceBatch"/>); a batch that fails as a whole fails every
/// request in it, and their callers retry, which is safe because the request id makes issuing idempotent.
/// </remarks>
internal sealed class TokenIssuer : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<(IssueToken Request, TaskCompletionSource<IssueResult> Done)> queue =
        Channel.CreateUnbounded<(IssueToken, TaskCompletionSource<IssueResult>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly KeyAuthorityDatabase database;
    private readonly IssuanceBatch.Dependencies dependencies;
    private readonly Task writer;

    public TokenIssuer(KeyAuthorityDatabase database, Keys.VendingKeyStore keys, OpenPaygoTokenMaker openPaygo, TimeProvider clock)
    {
        this.database = database;
        dependencies = new IssuanceBatch.Dependencies(keys, openPaygo, clock);
        writer = Task.Run(WriteAsync);
    }

    public Task<IssueResult> IssueAsync(IssueToken request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount < 0 || (request.Operation == TokenOperation.Credit && request.Amount == 0))
        {
            return Task.FromResult(IssuanceBatch.Rejected(request, TokenRejection.AmountOutOfRange, "the amount must be above zero"));
        }

        var done = new TaskCompletionSource<IssueResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((request, done)))
        {
            throw new ObjectDisposedException(nameof(TokenIssuer), "the KeyAuthority is shutting down");
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(IssueToken Request, TaskCompletionSource<IssueResult> Done)>(MaxBatch);
        IssuanceStatements? statements = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                var failed = false;
                try
                {
                    statements ??= await IssuanceStatements.OpenAsync(database);
                    var results = await IssuanceBatch.RunAsync(statements, dependencies, [.. batch.Select(b => b.Request)]);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(results[i]);
                    }
                }
                catch (Exception e)
                {
                    batch.ForEach(b => b.Done.TrySetException(e));
                    failed = true;
                }

                // A failed batch's connection is not trusted with the next one.
                if (statements is not null && (failed || !statements.KeepOpen))
                {
                    await statements.DisposeAsync();
                    statements = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            if (statements is not null)
            {
                await statements.DisposeAsync();
            }
        }
    }
}
