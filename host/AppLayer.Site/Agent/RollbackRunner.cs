using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Isolation;
using AppLayer.Site.Packages;
using AppLayer.Site.Reporting;
using Microsoft.Data.Sqlite;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// <c>applayer site rollback UPDATE --yes</c>: runs the update's down step (<see cref="IReversibleUpdate"/>)
/// in a worker, in one transaction; for an update without one, restores the snapshot taken before it
/// was applied, keeping the agent's own tables, in one backup step; only when the IS database did not change
/// since the update was applied (<see cref="ChangesSinceUpdate"/>), unless the operator discards those changes
/// explicitly. Both leave a row in <c>applayer_rollbacks</c> (which also holds the update back from being
/// applied again, <see cref="Holds"/>) and a <c>rolled-back</c> report in the outbox.
/// </summary>
internal sealed class RollbackRunner
{
    /// <summary>The most changed tables a refused restore lists one by one.</summary>
    public const int MaxListed = 20;

    private readonly SitePaths _paths;
    private readonly SiteDatabase _database;
    private readonly SiteAgentOptions _options;

    public RollbackRunner(SitePaths paths, SiteDatabase database, SiteAgentOptions options)
    {
        _paths = paths;
        _database = database;
        _options = options;
    }

    /// <returns>The line that says what was done.</returns>
    /// <exception cref="UserException">Not applied, not confirmed, or nothing to roll back with.</exception>
    /// <param name="discardChanges">
    /// <c>--discard-changes-since</c>: restore the snapshot even when the IS database changed since the update was
    /// applied (those changes are lost); without it such a restore is refused, listing them, and nothing changes.
    /// </param>
    public async Task<string> RunAsync(Enrollment enrollment, string packageId, bool confirmed, bool discardChanges, CancellationToken cancellationToken)
    {
        var history = await _database.ReadHistoryAsync(unreportedOnly: false, cancellationToken);
        var entry = history.LastOrDefault(h => h.PackageId.Equals(packageId, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserException($"{packageId} is not applied to '{_database.Path}'; nothing to roll back.");
        if (!confirmed)
        {
            throw new UserException($"rolling back {entry.PackageId} {entry.Version} changes the IS database; run again with --yes to confirm.");
        }

        var package = new PackageCache(_paths.Packages).List().FirstOrDefault(p =>
            p.Listing.Id.Equals(entry.PackageId, StringComparison.OrdinalIgnoreCase)
            && NuGetVersion.Parse(p.Listing.Version) == NuGetVersion.Parse(entry.Version)
            && string.Equals(p.Listing.Sha512, entry.Sha512, StringComparison.Ordinal));
        if (package is not null)
        {
            var outcome = await DownStepAsync(enrollment, entry, package, cancellationToken);
            if (outcome.Succeeded)
            {
                SiteLog.RolledBack(_options.Logger, entry.PackageId, entry.Version, "down step");
                return $"rolled back {entry.PackageId} {entry.Version} by its down step ({outcome.Message})";
            }

            if (!outcome.Message.Contains($"has no down step ({nameof(IReversibleUpdate)})", StringComparison.Ordinal))
            {
                throw new UserException($"the down step of {entry.PackageId} {entry.Version} failed at {outcome.Step.ToString().ToLowerInvariant()}: {outcome.Message}; the IS database is as it was.");
            }
        }

        return await RestoreSnapshotAsync(entry, history, discardChanges, cancellationToken);
    }

    private async Task<UpdateOutcome> DownStepAsync(Enrollment enrollment, HistoryEntry entry, CachedPackage package, CancellationToken cancellationToken)
    {
        await PackageHash.VerifyAsync(package.Path, $"cached {entry.PackageId} {entry.Version}", package.Listing.Size, package.Listing.Sha512, cancellationToken);
        var manifest = PackageManifestReader.Read(package.Path);
        var folder = Directory.CreateTempSubdirectory("applayer-rollback-");
        try
        {
            SafeExtractor.Extract(package.Path, folder.FullName, _options.PackageLimits);
            var isVersion = await _database.ReadIsVersionAsync(cancellationToken);
            var facts = new InstallationFacts(enrollment.Installation, enrollment.Customer, isVersion.ToNormalizedString(), enrollment.Modules, enrollment.TimeZone);
            var request = new WorkerRequest(WorkerMode.Revert, _database.Path, folder.FullName, manifest.ToJson(), entry.Sha512, facts, Guid.NewGuid().ToString(), _options.Clock.GetUtcNow(), null);
            return await new Applier(_paths, _database, _options).RunWorkerAsync(request, $"  {entry.PackageId} (rollback): ", cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string> RestoreSnapshotAsync(HistoryEntry entry, IReadOnlyList<HistoryEntry> history, bool discardChanges, CancellationToken cancellationToken)
    {
        var snapshot = _paths.SnapshotOf(entry.PackageId, entry.Version);
        if (!File.Exists(snapshot))
        {
            throw new UserException($"{entry.PackageId} {entry.Version} has no down step and there is no snapshot from before it was applied ({snapshot}); it cannot be rolled back.");
        }

        var later = history.SkipWhile(h => h != entry).Skip(1).Select(h => $"{h.PackageId} {h.Version}").ToList();
        if (later.Count > 0)
        {
            throw new UserException($"restoring the snapshot taken before {entry.PackageId} {entry.Version} would also undo {string.Join(", ", later)}, applied after it; roll those back first.");
        }

        var lost = await ChangesSinceUpdate.FindAsync(_database.Path, snapshot, cancellationToken);
        var discarded = string.Empty;
        if (lost.Count > 0)
        {
            var update = $"{entry.PackageId} {entry.Version}";
            var tables = string.Join(", ", lost.Select(t => t.Table));
            if (!discardChanges)
            {
                SiteLog.RollbackRefusedChanged(_options.Logger, entry.PackageId, entry.Version, lost.Count, tables);
                throw new UserException(
                    $"the IS database changed since {update} was applied ({lost.Count} table(s)); restoring the snapshot taken before it would lose those changes, so nothing was changed. "
                    + "Roll back by a down step (a newer version of the update with one), or run again with --discard-changes-since to restore the snapshot and lose them:"
                    + Environment.NewLine + LostList(lost, update));
            }

            SiteLog.RollbackDiscarding(_options.Logger, entry.PackageId, entry.Version, lost.Count, tables);
            await _options.Output.WriteLineAsync($"warning: discarding what changed in the IS database since {update} was applied (--discard-changes-since):" + Environment.NewLine + LostList(lost, update));
            discarded = $"; discarded changes made since it was applied to {lost.Count} table(s): {Bounded(tables)}";
        }

        // Build the restored database beside the live one: the snapshot's IS data, the agent's tables as they are now.
        var restored = Path.Combine(_paths.Root, "restore.db");
        await IsDatabase.BackupAsync(snapshot, restored, cancellationToken);
        try
        {
            var reportId = Guid.NewGuid().ToString();
            var now = _options.Clock.GetUtcNow();
            await using (var connection = IsDatabase.Open(restored))
            {
                await connection.OpenAsync(cancellationToken);
                await SiteSql.ExecuteAsync(connection, null, "ATTACH DATABASE $live AS live", cancellationToken, ("$live", _database.Path));
                await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
                {
                    await SiteSql.ExecuteAsync(connection, transaction, OutboxTable.Schema + RollbackRecord.Schema, cancellationToken);
                    foreach (var table in new[] { "applayer_site", "applayer_history", "applayer_outbox", "applayer_rollbacks", "applayer_settings" })
                    {
                        await CopyTableAsync(connection, transaction, table, cancellationToken);
                    }

                    var message = $"restored the snapshot taken before it was applied ({Path.GetFileName(snapshot)}){discarded}";
                    await RollbackRecord.WriteAsync(connection, transaction, new RollbackEntry(entry.PackageId, entry.Version, "snapshot", message, now, reportId), cancellationToken);
                    var report = new DeploymentReportDto(reportId, entry.PackageId, entry.Version, DeploymentStatus.RolledBack.ToName(), "rolled back: " + message, entry.Sha512, now);
                    await OutboxTable.InsertAsync(connection, transaction, report, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                await SiteSql.ExecuteAsync(connection, null, "DETACH DATABASE live", cancellationToken);
            }

            // One backup step into the live file: SQLite writes it in one transaction, so it is whole or untouched.
            await using (var from = IsDatabase.Open(restored))
            await using (var to = _database.Connect())
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
            }

            File.Delete(snapshot);
            File.Delete(TableFingerprints.AfterFileOf(snapshot));
            SiteLog.RolledBack(_options.Logger, entry.PackageId, entry.Version, "snapshot");
            return $"rolled back {entry.PackageId} {entry.Version} by restoring the snapshot taken before it was applied";
        }
        finally
        {
            File.Delete(restored);
        }
    }

    /// <summary>One indented line per changed table, at most <see cref="MaxListed"/> of them.</summary>
    private static string LostList(IReadOnlyList<TableChange> lost, string update)
    {
        var lines = lost.Take(MaxListed).Select(t => "  " + t.Describe(update)).ToList();
        if (lost.Count > MaxListed)
        {
            lines.Add($"  ... and {lost.Count - MaxListed} more table(s)");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Bounded(string text) => text.Length <= 500 ? text : text[..497] + "...";

    private static async Task CopyTableAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken cancellationToken)
    {
        var sql = await SiteSql.ScalarAsync(connection, transaction, "SELECT sql FROM live.sqlite_master WHERE type = 'table' AND name = $t", cancellationToken, ("$t", table)) as string;
        if (sql is null)
        {
            return;
        }

        // The agent's own constant table names; the live table's definition is the agent's own DDL.
        await SiteSql.ExecuteAsync(connection, transaction, sql.Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal).Replace("IF NOT EXISTS IF NOT EXISTS", "IF NOT EXISTS", StringComparison.Ordinal), cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, $"DELETE FROM main.{table}", cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, $"INSERT INTO main.{table} SELECT * FROM live.{table}", cancellationToken);
    }
}
