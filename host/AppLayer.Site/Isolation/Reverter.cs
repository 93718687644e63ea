using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Agent;
using AppLayer.Site.Plugins;
using AppLayer.Site.Reporting;
using Microsoft.Data.Sqlite;
using NuGet.Versioning;

namespace AppLayer.Site.Isolation;

/// <summary>
/// Runs an update's down step in ONE transaction: revert, verify the revert, take the update out of
/// <c>applayer_history</c>, record the rollback in <c>applayer_rollbacks</c> and its report in the outbox.
/// </summary>
internal static class Reverter
{
    public static async Task<UpdateOutcome> RunAsync(SqliteConnection connection, IUpdate update, WorkerRequest request, UpdateManifest manifest, ProtocolLog log)
    {
        if (update is not IReversibleUpdate reversible)
        {
            return UpdateOutcome.Failed(UpdateStep.Load, $"{manifest.Id} has no down step ({nameof(IReversibleUpdate)})");
        }

        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        using var guard = TransactionGuard.Install(connection);
        var context = new UpdateContext(connection, transaction, request.Installation, new Dictionary<string, string>(), log, new ShiftedClock(request.Now));
        var step = UpdateStep.Apply;
        try
        {
            await UpdateRunner.GuardedAsync(guard, async () =>
            {
                await reversible.RevertAsync(context, CancellationToken.None);
                return StepResult.Ok();
            });
            if (guard.Violation is { } violation)
            {
                await transaction.RollbackAsync();
                return UpdateOutcome.Failed(step, violation) with { Tampered = true };
            }

            step = UpdateStep.Verify;
            var verify = await UpdateRunner.GuardedAsync(guard, () => reversible.VerifyRevertedAsync(context, CancellationToken.None));
            if (guard.Violation is { } verifyViolation)
            {
                await transaction.RollbackAsync();
                return UpdateOutcome.Failed(step, verifyViolation) with { Tampered = true };
            }

            if (verify is not { Succeeded: true })
            {
                await transaction.RollbackAsync();
                return UpdateOutcome.Failed(step, verify?.Message ?? "verify returned no result");
            }

            step = UpdateStep.Record;
            var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
            var message = WorkerProgram.Truncate(string.Join("; ", log.Lines.Append("down step verified: " + verify.Message)));
            await RollbackRecord.WriteAsync(connection, transaction, new RollbackEntry(manifest.Id, version, "down step", message, request.Now, request.ReportId), CancellationToken.None);
            var report = new DeploymentReportDto(request.ReportId, manifest.Id, version, DeploymentStatus.RolledBack.ToName(), "rolled back by its down step: " + message, request.Sha512, request.Now);
            await OutboxTable.InsertAsync(connection, transaction, report, CancellationToken.None);
            step = UpdateStep.Commit;
            await transaction.CommitAsync();
            return UpdateOutcome.Committed(verify.Message);
        }
#pragma warning disable CA1031 // a plugin's exception, whatever its type, is the rollback's failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                await transaction.RollbackAsync();
            }
            catch (InvalidOperationException)
            {
                // already ended
            }

            return guard.Violation is { } violation
                ? UpdateOutcome.Failed(step, violation) with { Tampered = true }
                : UpdateOutcome.Failed(step, string.IsNullOrWhiteSpace(ex.Message) ? ex.GetType().Name : ex.Message);
        }
    }
}
