using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Isolation;

/// <summary>
/// The IS database's write lock held by the agent itself (<c>BEGIN IMMEDIATE</c> on a connection of its own, never
/// written through): while it is held, readers still read, and no other connection can begin a write. Used where
/// nothing is to be applied (a gated update's rehearsal-only run); an apply holds the lock in its worker instead
/// (<see cref="WorkerRequest.HoldUntilGo"/>), so no gap opens before its own transaction.
/// </summary>
internal sealed class LiveDatabaseLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private LiveDatabaseLock(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<LiveDatabaseLock> TakeAsync(string database, CancellationToken cancellationToken)
    {
        var connection = IsDatabase.Open(database);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new LiveDatabaseLock(connection, connection.BeginTransaction(deferred: false));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync(CancellationToken.None);
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
