using AppLayer.Sdk;
using AppLayer.Site.Plugins;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site;

/// <summary>
/// Runs one update against an IS database in ONE transaction: preflight, apply, verify, then the
/// caller's record step (the agent's history row), then commit. A failed step or any exception rolls
/// everything back, so the database is exactly as it was.
/// </summary>
public sealed class UpdateRunner
{
    /// <summary>SQLITE_FULL: a write found no room on the disk (or the database reached its page limit).</summary>
    private const int DiskFull = 13;

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    private readonly TimeProvider _clock;

    public UpdateRunner(TimeProvider clock) => _clock = clock;

    /// <param name="connection">The IS database; opened here when closed.</param>
    /// <param name="update">The update to run; each step is called once, on this instance.</param>
    /// <param name="installation">Facts the update may read.</param>
    /// <param name="log">Where the update writes what it did.</param>
    /// <param name="record">Runs inside the transaction after a successful verify, with verify's message (the agent writes its history row here).</param>
    /// <param name="parameters">Parameters for the update.</param>
    /// <param name="cancellationToken">Cancels the run (and rolls it back).</param>
    public async Task<UpdateOutcome> RunAsync(
        SqliteConnection connection,
        IUpdate update,
        InstallationFacts installation,
        IUpdateLog log,
        Func<SqliteTransaction, string, CancellationToken, Task>? record = null,
        IReadOnlyDictionary<string, string>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(update);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        return await RunInAsync(connection, transaction, update, installation, log, record, parameters, cancellationToken);
    }

    /// <summary>
    /// The same in a transaction the caller already began (and so already holds the database's write lock with):
    /// the agent's held apply, which locks the database before the snapshot and the rehearsal.
    /// </summary>
    internal async Task<UpdateOutcome> RunInAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IUpdate update,
        InstallationFacts installation,
        IUpdateLog log,
        Func<SqliteTransaction, string, CancellationToken, Task>? record,
        IReadOnlyDictionary<string, string>? parameters,
        CancellationToken cancellationToken)
    {
        using var guard = TransactionGuard.Install(connection);
        var context = new UpdateContext(connection, transaction, installation, parameters ?? NoParameters, log, _clock);
        var step = UpdateStep.Preflight;
        try
        {
            var preflight = await GuardedAsync(guard, () => update.PreflightAsync(context, cancellationToken));
            if (guard.Violation is { } violation)
            {
                return await RollBackAsync(transaction, step, violation, tampered: true);
            }

            if (preflight is not { Succeeded: true })
            {
                return await RollBackAsync(transaction, step, preflight?.Message ?? "preflight returned no result");
            }

            step = UpdateStep.Apply;
            await GuardedAsync(guard, async () =>
            {
                await update.ApplyAsync(context, cancellationToken);
                return StepResult.Ok();
            });
            if (guard.Violation is { } applyViolation)
            {
                return await RollBackAsync(transaction, step, applyViolation, tampered: true);
            }

            step = UpdateStep.Verify;
            var verify = await GuardedAsync(guard, () => update.VerifyAsync(context, cancellationToken));
            if (guard.Violation is { } verifyViolation)
            {
                return await RollBackAsync(transaction, step, verifyViolation, tampered: true);
            }

            if (verify is not { Succeeded: true })
            {
                return await RollBackAsync(transaction, step, verify?.Message ?? "verify returned no result");
            }

            step = UpdateStep.Record;
            if (transaction.Connection is null)
            {
                return UpdateOutcome.Failed(step, "the update ended the agent's transaction itself; its changes could not be held back");
            }

            if (record is not null)
            {
                await record(transaction, verify.Message, cancellationToken);
            }

            step = UpdateStep.Commit;
            await transaction.CommitAsync(cancellationToken);
            return UpdateOutcome.Committed(verify.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TryRollBackAsync(transaction);
            throw;
        }
#pragma warning disable CA1031 // an update's exception, whatever its type, is that update's failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return guard.Violation is { } violation
                ? await RollBackAsync(transaction, step, violation, tampered: true)
                : await RollBackAsync(transaction, step, Describe(ex));
        }
    }

    /// <summary>Runs one of the update's steps with the guard's authorizer on; the agent's own statements run without it.</summary>
    internal static async Task<StepResult?> GuardedAsync(TransactionGuard guard, Func<Task<StepResult>> step)
    {
        guard.PluginRunning = true;
        try
        {
            return await step();
        }
        finally
        {
            guard.PluginRunning = false;
        }
    }

    private static async Task<UpdateOutcome> RollBackAsync(SqliteTransaction transaction, UpdateStep step, string message, bool tampered = false)
    {
        await TryRollBackAsync(transaction);
        return UpdateOutcome.Failed(step, message) with { Tampered = tampered };
    }

    private static async Task TryRollBackAsync(SqliteTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // already completed (the update committed or rolled back on its own); nothing left to undo here
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: DiskFull } =>
            "the disk that holds the IS database is full (SQLite: database or disk is full); the update was rolled back and nothing was changed, free some space and run it again",
        _ when string.IsNullOrWhiteSpace(ex.Message) => ex.GetType().Name,
        _ => ex.Message,
    };
}
