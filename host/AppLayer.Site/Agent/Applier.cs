using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Isolation;
using AppLayer.Site.Packages;
using AppLayer.Site.Planning;
using AppLayer.Site.Reporting;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// Applies the cached updates this IS does not have yet as <see cref="SitePlanner"/> plans them (dependency and
/// effective-date order), each in one transaction together with its history row. A failure leaves the IS database as it
/// was and becomes an outbox file.
/// </summary>
internal sealed class Applier
{
    private readonly SiteDatabase _database;
    private readonly PackageCache _cache;
    private readonly Outbox _outbox;
    private readonly TimeProvider _clock;
    private readonly TextWriter _output;
    private readonly WorkerLauncher _launcher;
    private readonly SiteAgentOptions _options;
    private readonly SitePaths _paths;
    private readonly SystemLayer.GateKeeper _gates;

    public Applier(SitePaths paths, SiteDatabase database, SiteAgentOptions options)
    {
        _launcher = new WorkerLauncher(options, paths);
        _options = options;
        _paths = paths;
        _gates = new SystemLayer.GateKeeper(paths, options);
        _database = database;
        _cache = new PackageCache(paths.Packages);
        _outbox = new Outbox(paths.Outbox);
        _clock = options.Clock;
        _output = options.Output;
    }

    /// <summary>
    /// Executes the plan <see cref="SitePlanner"/> decides (the one <c>site plan</c> shows): what it refuses or
    /// blocks fails and is reported, what waits waits, a gated update is only rehearsed, the rest applies in order.
    /// Only what the plan cannot know beforehand is decided here: a dependency that failed in this run, and the host
    /// gating an update after the last pull (asked right before it would apply).
    /// </summary>
    /// <exception cref="AppLayer.Protocol.UserException">The IS database is marked damaged (<see cref="DamageMark"/>).</exception>
    public async Task<ApplyCounts> ApplyAsync(Enrollment enrollment, bool now, CancellationToken cancellationToken)
    {
        DamageMark.ThrowIfDamaged(_paths, _options);
        await _database.ReadIsVersionAsync(cancellationToken); // no IS version: not an IS database, stop before anything
        var decided = await SitePlanner.DecideAsync(_paths, _database, enrollment, _clock.GetUtcNow(), ignoreWindow: now, cancellationToken);
        int done = 0, failed = 0, alreadyApplied = 0;
        foreach (var step in decided.Steps.Where(s => s.Manifest is null))
        {
            if (step.Item.Action == PlanAction.Applied)
            {
                alreadyApplied++;
            }
            else if (step.Item.Action == PlanAction.Refused && step.Package is { } package)
            {
                PackageCache.Remove(package);
                await FailAsync(package.Listing.Id, package.Listing.Version, package.Listing.Sha512, "not applied: " + step.Item.Reason, cancellationToken);
                failed++;
            }

            else if (step.Item.Action == PlanAction.Held && step.HeldBy is { } rollback)
            {
                SiteLog.Held(_options.Logger, step.Item.Id, step.Item.Version, rollback.At);
                await _output.WriteLineAsync($"held {step.Item.Id} {step.Item.Version}: {step.Item.Reason}");
            }

            // skipped: not verified at the pull, which named and reported it
        }

        var runnable = decided.Steps.Where(s => s.Manifest is not null).ToList();
        SiteLog.Planned(_options.Logger, runnable.Count, alreadyApplied, failed);
        if (runnable.Count == 0)
        {
            await _output.WriteLineAsync(failed == 0 ? "apply: nothing new to apply" : "apply: nothing else to apply");
            return new ApplyCounts(done, failed, alreadyApplied, 0);
        }

        CheckFreeDisk();
        WorkerLauncher.RequireSandbox(_options);
        var waiting = 0;
        var damaged = false;
        var rehearsal = _options.Rehearse ? _paths.Rehearsal : null;
        try
        {
            var failedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var heldIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var position = 0;
            foreach (var step in runnable)
            {
                var (package, manifest, item) = (step.Package!, step.Manifest!, step.Item);
                var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
                _options.Progress?.Report(new ApplyProgress(position++, runnable.Count, manifest.Id, rehearsal is null ? "applying" : "rehearsing and applying"));
                if (item.Action is PlanAction.Wait)
                {
                    heldIds.Add(manifest.Id);
                    waiting++;
                    SiteLog.Waiting(_options.Logger, manifest.Id, version, step.OutsideWindow ? "outside the maintenance window" : item.Reason ?? item.Action.ToName());
                    await _output.WriteLineAsync(step.OutsideWindow
                        ? $"waiting {manifest.Id} {version}: outside the maintenance window {decided.Window}; it opens at {decided.Window!.NextOpening(_clock.GetUtcNow()):yyyy-MM-dd HH:mm} {decided.Window.TimeZone} (run with --now to apply anyway)"
                        : $"waiting {manifest.Id} {version}: {item.Reason}");
                    continue;
                }

                var blockedBy = item.Action is PlanAction.Blocked
                    ? item.Reason
                    : manifest.Dependencies.Where(d => failedIds.Contains(d.Id)).Select(d => $"its dependency {d.Id} failed").FirstOrDefault();
                if (blockedBy is null && await HoldAsync(package, manifest, item, enrollment, heldIds, cancellationToken))
                {
                    waiting++;
                    continue;
                }

                if (blockedBy is null && package.Listing.ReleasedHold is { } released)
                {
                    SiteLog.HoldReleased(_options.Logger, manifest.Id, version, released);
                }

                string? note = null;
                if (blockedBy is null && item.Action is PlanAction.Emergency)
                {
                    note = $"emergency legal update: applied outside the maintenance window {decided.Window}";
                    await _output.WriteLineAsync($"EMERGENCY {manifest.Id}: {note}");
                }

                var outcome = blockedBy is not null
                    ? UpdateOutcome.Failed(UpdateStep.Load, blockedBy)
                    : await ApplyOneAsync(package, manifest, enrollment, note, rehearsal, cancellationToken);
                if (outcome.Succeeded)
                {
                    done++;
                    var why = manifest.LegalReferences.Count > 0 ? string.Join(", ", manifest.LegalReferences) : manifest.Title;
                    SiteLog.Applied(_options.Logger, manifest.Id, version, why);
                    await _output.WriteLineAsync($"applied {manifest.Id} {version} ({why})");
                }
                else
                {
                    failed++;
                    failedIds.Add(manifest.Id);
                    var message = outcome.Step == UpdateStep.Load
                        ? $"not applied: {outcome.Message}"
                        : $"{outcome.Step.ToString().ToLowerInvariant()} failed: {outcome.Message}";
                    if (outcome.Tampered)
                    {
                        SiteLog.TransactionTampered(_options.Logger, manifest.Id, version, outcome.Message);
                    }

                    await FailAsync(manifest.Id, manifest.Version, package.Listing.Sha512, message, cancellationToken);
                    if (outcome.Damaged)
                    {
                        damaged = true;
                        var left = runnable.Count - position;
                        await _output.WriteLineAsync($"stopped: the IS database {_database.Path} is damaged; {left} more update(s) not applied");
                        break;
                    }
                }
            }
        }
        finally
        {
            if (rehearsal is not null)
            {
                File.Delete(rehearsal);
            }

            _options.Progress?.Report(new ApplyProgress(runnable.Count, runnable.Count, string.Empty, "done"));
        }

        return new ApplyCounts(done, failed, alreadyApplied, waiting) { Damaged = damaged };
    }

    /// <summary>Refuses to start when the volume cannot hold the journal, the rehearsal copy and the snapshot.</summary>
    /// <exception cref="AppLayer.Protocol.UserException">Not enough free disk.</exception>
    private void CheckFreeDisk()
    {
        var need = DiskNeed.Of(_database.Path, _options);
        if (!need.Enough)
        {
            throw new AppLayer.Protocol.UserException($"not enough free disk for {need.Folder}: {need.Describe(_options)}; nothing was changed.");
        }
    }

    /// <summary>
    /// Holds back an update whose dependency is held in this run, that the plan rehearses only (gated, not approved),
    /// or that the host gated since the last pull (asked right before it would apply); a gated one is rehearsed
    /// on a fresh copy instead, once it succeeded.
    /// </summary>
    /// <returns><c>true</c> when the update must not be applied in this run.</returns>
    private async Task<bool> HoldAsync(CachedPackage package, UpdateManifest manifest, PlanItem item, Enrollment enrollment, HashSet<string> heldIds, CancellationToken cancellationToken)
    {
        var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
        if (manifest.Dependencies.FirstOrDefault(d => heldIds.Contains(d.Id)) is { } dependency)
        {
            heldIds.Add(manifest.Id);
            await _output.WriteLineAsync($"waiting {manifest.Id} {version}: its dependency {dependency.Id} waits for a manager's approval");
            return true;
        }

        if (item.Action is not PlanAction.Rehearse && await _gates.MayApplyAsync(enrollment, package, cancellationToken))
        {
            return false;
        }

        heldIds.Add(manifest.Id);
        if (_gates.RehearsedSuccessfully(package))
        {
            await _output.WriteLineAsync($"waiting {manifest.Id} {version}: gated; rehearsed successfully, waits for a manager's approval");
            return true;
        }

        var copy = _gates.RehearsalCopy;
        UpdateOutcome outcome;
        try
        {
            // Nothing is applied here, so the agent holds the write lock itself while the plugin rehearses.
            await using var held = await LiveDatabaseLock.TakeAsync(_database.Path, cancellationToken);
            SiteLog.Locked(_options.Logger, _database.Path, manifest.Id, version);
            await IsDatabase.BackupAsync(_database.Path, copy, cancellationToken);
            outcome = await ApplyOneAsync(package, manifest, enrollment, null, copy, cancellationToken, rehearseOnly: true);
        }
        finally
        {
            File.Delete(copy);
        }

        var report = _gates.Record(package, manifest, outcome);
        await _output.WriteLineAsync(report.Succeeded
            ? $"rehearsed {manifest.Id} {version} (gated): the rehearsal succeeded; it waits for a manager's approval"
            : $"rehearsed {manifest.Id} {version} (gated): the rehearsal FAILED: {report.Message}");
        return true;
    }

    /// <summary>
    /// <c>site apply-local</c>: one package the caller checked, applied to a copy as any update is (sandboxed worker,
    /// the agent's transaction, rehearsed first unless the options say not, checked after a failed worker), but with
    /// no snapshot and no outbox file (nothing is reported from a copy); the rehearsal copy is removed afterwards.
    /// </summary>
    /// <exception cref="AppLayer.Protocol.UserException">Not enough free disk, or no sandbox and not allowed without it.</exception>
    internal async Task<UpdateOutcome> ApplyLocalAsync(CachedPackage package, UpdateManifest manifest, Enrollment enrollment, CancellationToken cancellationToken)
    {
        CheckFreeDisk();
        WorkerLauncher.RequireSandbox(_options);
        var rehearsal = _options.Rehearse ? _paths.Rehearsal : null;
        try
        {
            return await ApplyOneAsync(package, manifest, enrollment, "applied to a copy with site apply-local, not from the feed", rehearsal, cancellationToken, snapshots: false);
        }
        finally
        {
            if (rehearsal is not null && Directory.Exists(Path.GetDirectoryName(rehearsal)))
            {
                File.Delete(rehearsal);
            }
        }
    }

    private async Task<UpdateOutcome> ApplyOneAsync(CachedPackage package, UpdateManifest manifest, Enrollment enrollment, string? note, string? rehearsal, CancellationToken cancellationToken, bool rehearseOnly = false, bool snapshots = true)
    {
        // Read again for each update: an earlier one in this run may have upgraded the IS.
        var isVersion = await _database.ReadIsVersionAsync(cancellationToken);
        if (SitePlanner.UnsupportedIsVersion(manifest, isVersion) is { } unsupported)
        {
            return UpdateOutcome.Failed(UpdateStep.Load, unsupported);
        }

        var folder = Directory.CreateTempSubdirectory("applayer-update-");
        try
        {
            SafeExtractor.Extract(package.Path, folder.FullName, _options.PackageLimits);
            var facts = new InstallationFacts(enrollment.Installation, enrollment.Customer, isVersion.ToNormalizedString(), enrollment.Modules, enrollment.TimeZone);
            var request = new WorkerRequest(WorkerMode.Apply, _database.Path, folder.FullName, manifest.ToJson(), package.Listing.Sha512, facts, Guid.NewGuid().ToString(), _clock.GetUtcNow(), note);
            if (rehearseOnly)
            {
                // the caller holds the write lock and made the copy
                return await RehearseAsync(request, manifest, rehearsal!, cancellationToken) ?? UpdateOutcome.Committed("rehearsed");
            }

            var snapshot = _options.Snapshots && snapshots ? _paths.SnapshotOf(manifest.Id, NuGetVersion.Parse(manifest.Version).ToNormalizedString()) : null;
            Func<CancellationToken, Task<UpdateOutcome?>>? rehearse = rehearsal is null
                ? null
                : async ct =>
                {
                    // Under the applying worker's write lock: the copy is the database this update will change.
                    await CopyForRehearsalAsync(snapshot, rehearsal, ct);
                    return await RehearseAsync(request, manifest, rehearsal, ct);
                };
            var applied = await RunWorkerAsync(request with { Snapshot = snapshot }, $"  {manifest.Id}: ", cancellationToken, rehearse);
            if (applied.Succeeded && snapshot is not null)
            {
                await RecordAfterAsync(snapshot, cancellationToken);
            }

            return applied;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // whatever stops a plugin from loading is that update's failure, not the agent's
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return UpdateOutcome.Failed(UpdateStep.Load, ex.Message);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>
    /// The copy of the IS database an update is rehearsed on, made while the database is locked: from the snapshot
    /// just taken of it (a plain file copy), or with SQLite's backup API when there is none.
    /// </summary>
    private async Task CopyForRehearsalAsync(string? snapshot, string rehearsal, CancellationToken cancellationToken)
    {
        if (snapshot is not null && File.Exists(snapshot))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(rehearsal)!);
            File.Copy(snapshot, rehearsal + ".partial", overwrite: true);
            File.Move(rehearsal + ".partial", rehearsal, overwrite: true);
            return;
        }

        await IsDatabase.BackupAsync(_database.Path, rehearsal, cancellationToken);
    }

    /// <summary>
    /// Rehearses the update on the copy while the IS database is locked; null when it succeeded and the IS database
    /// is as it was before. A failed rehearsal's outcome carries what the plugin logged. A live database that changed
    /// in the meantime (only something writing around SQLite's locks can) fails the update, says so and is checked.
    /// </summary>
    private async Task<UpdateOutcome?> RehearseAsync(WorkerRequest request, UpdateManifest manifest, string rehearsal, CancellationToken cancellationToken)
    {
        var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
        var before = FileFingerprint.Of(_database.Path);
        var lines = new List<string>();
        var rehearsed = await RunWorkerAsync(request with { Mode = WorkerMode.Rehearse, Database = rehearsal }, $"  {manifest.Id} (rehearsal): ", cancellationToken, onLog: lines.Add);
        SiteLog.Rehearsed(_options.Logger, manifest.Id, version, rehearsed.Succeeded);
        var said = lines.Count == 0 ? string.Empty : "; the plugin logged: " + string.Join("; ", lines);
        if (FileFingerprint.Of(_database.Path) != before)
        {
            var problem = await DamageMark.CheckAsync(_database.Path, full: false, cancellationToken);
            SiteLog.ChangedDuringRehearsal(_options.Logger, _database.Path, manifest.Id, version, problem ?? "ok");
            var failed = UpdateOutcome.Failed(UpdateStep.Load, $"the IS database {_database.Path} was written to while {manifest.Id} was rehearsed, though the agent held its write lock: something other than the agent's transaction changed it (quick_check: {problem ?? "ok"}); the update was not applied, compare the database with its snapshot or a backup{said}");
            if (problem is null)
            {
                return failed;
            }

            DamageMark.Write(_paths, new DamageRecord($"written to while {manifest.Id} was rehearsed: {problem}", manifest.Id, version, _clock.GetUtcNow()));
            SiteLog.MarkedDamaged(_options.Logger, _database.Path, manifest.Id, version, problem);
            return failed with { Damaged = true };
        }

        if (rehearsed.Succeeded)
        {
            return null;
        }

        return UpdateOutcome.Failed(UpdateStep.Load, $"the rehearsal on a copy of the IS database failed at {rehearsed.Step.ToString().ToLowerInvariant()}: {rehearsed.Message}; the IS database was locked throughout and is unchanged{said}");
    }

    /// <summary>
    /// Beside the snapshot, the fingerprints of the IS tables as the update left them, so a later snapshot restore can
    /// tell what changed since (<see cref="ChangesSinceUpdate"/>). The update is committed already: when they cannot be
    /// written the restore compares with the snapshot instead, which refuses more, never less.
    /// </summary>
    private async Task RecordAfterAsync(string snapshot, CancellationToken cancellationToken)
    {
        if (!File.Exists(snapshot))
        {
            return;
        }

        try
        {
            await TableFingerprints.WriteAsync(_database.Path, TableFingerprints.AfterFileOf(snapshot), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            File.Delete(TableFingerprints.AfterFileOf(snapshot) + ".tmp");
        }
    }

    /// <summary>
    /// Runs a request in a worker process. When the worker ends without an answer, the database is
    /// opened once (SQLite rolls back what the dead worker left uncommitted) and the history decides:
    /// the update counts as applied only if its report id was committed. An apply's <paramref name="whileLocked"/>
    /// (its rehearsal) runs while its worker holds the database's write lock; what it returns stops the update.
    /// </summary>
    internal async Task<UpdateOutcome> RunWorkerAsync(WorkerRequest request, string logPrefix, CancellationToken cancellationToken, Func<CancellationToken, Task<UpdateOutcome?>>? whileLocked = null, Action<string>? onLog = null)
    {
        UpdateOutcome? stopped = null;
        Func<CancellationToken, Task<UpdateOutcome?>>? hold = whileLocked is null ? null : async ct => stopped = await whileLocked(ct);
        var (outcome, failure) = await _launcher.RunAsync(
            request,
            line =>
            {
                onLog?.Invoke(line);
                _output.WriteLine(logPrefix + line);
            },
            cancellationToken,
            hold);
        if (stopped is not null)
        {
            return stopped;
        }

        if (outcome is { Succeeded: true } || (outcome is not null && request.Mode == WorkerMode.Rehearse))
        {
            return outcome;
        }

        if (request.Mode != WorkerMode.Rehearse && await DamageAsync(request, outcome?.Message ?? failure, cancellationToken) is { } damaged)
        {
            return damaged;
        }

        if (outcome is not null)
        {
            return outcome;
        }

        return request.Mode != WorkerMode.Rehearse && await _database.HasReportAsync(request.ReportId, cancellationToken)
            ? UpdateOutcome.Committed("committed before the worker ended")
            : UpdateOutcome.Failed(UpdateStep.Apply, failure + "; nothing was committed");
    }

    /// <summary>
    /// After a worker failed on the real database: SQLite's quick_check of it. When it is damaged the agent marks it
    /// so (beside it, not in it) and the update's failure says so; null when it is whole.
    /// </summary>
    private async Task<UpdateOutcome?> DamageAsync(WorkerRequest request, string failure, CancellationToken cancellationToken)
    {
        var problem = await DamageMark.CheckAsync(request.Database, full: false, cancellationToken);
        SiteLog.DamageChecked(_options.Logger, request.Database, problem ?? "ok");
        if (problem is null)
        {
            return null;
        }

        var manifest = UpdateManifest.Parse(request.Manifest);
        var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
        DamageMark.Write(_paths, new DamageRecord(problem, manifest.Id, version, _clock.GetUtcNow()));
        SiteLog.MarkedDamaged(_options.Logger, request.Database, manifest.Id, version, problem);
        return UpdateOutcome.Failed(UpdateStep.Apply, $"{failure}; the IS database is damaged ({problem}): it is marked damaged and nothing more is applied until an operator restores it from a backup") with { Damaged = true };
    }

    private async Task FailAsync(string id, string version, string? sha512, string message, CancellationToken cancellationToken)
    {
        var normalized = NuGetVersion.TryParse(version, out var v) ? v.ToNormalizedString() : version;
        SiteLog.Failed(_options.Logger, id, normalized, message);
        await _output.WriteLineAsync($"FAILED {id} {normalized}: {message}");
        var report = new DeploymentReportDto(Guid.NewGuid().ToString(), id, normalized, DeploymentStatus.Failed.ToName(), Truncate(message), sha512, _clock.GetUtcNow());
        await _outbox.WriteAsync(report, cancellationToken);
    }

    private static string Truncate(string message) => message.Length <= 4000 ? message : message[..3997] + "...";

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a loaded file may still be open on some systems; the OS cleans its temp folder
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }
}
