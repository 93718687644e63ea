using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Site.Agent;
using AppLayer.Site.Reporting;

namespace AppLayer.Site;

/// <summary>
/// The site agent for one IS database: enroll it with the host, pull the updates it is entitled
/// to, apply them atomically and report back. Files live in <see cref="SitePaths"/>.
/// </summary>
public sealed class SiteAgent
{
    private readonly SiteAgentOptions _options;

    public SiteAgent(string databasePath, SiteAgentOptions? options = null)
    {
        Paths = SitePaths.For(databasePath);
        _options = options ?? new SiteAgentOptions();
    }

    public SitePaths Paths { get; }

    private TextWriter Output => _options.Output;

    /// <summary>Asks the host who this key belongs to and stores host, key and identity in the IS database.</summary>
    /// <exception cref="UserException">No database, a bad URL or key, or the host cannot be reached.</exception>
    public Task<SiteIdentityDto> EnrollAsync(string hostUrl, string key, CancellationToken cancellationToken = default) =>
        EnrollAsync(hostUrl, key, null, null, cancellationToken);

    /// <summary>
    /// As <see cref="EnrollAsync(string, string, CancellationToken)"/>, and pins the feed's TUF root:
    /// the file given out of band, or else the host's current <c>/tuf/root.json</c> (which must be signed by its own keys).
    /// With <paramref name="feedUrl"/> metadata and packages come from there (e.g. a static copy behind nginx);
    /// the site API (updates, reports) stays on the host.
    /// </summary>
    /// <exception cref="Protocol.Tuf.TufException">The root is not valid signed root metadata.</exception>
    public async Task<SiteIdentityDto> EnrollAsync(string hostUrl, string key, string? trustedRootFile, string? feedUrl, CancellationToken cancellationToken = default)
    {
        var feed = string.IsNullOrWhiteSpace(feedUrl) ? null : AppLayerClient.ParseHost(feedUrl);
        var database = SiteDatabase.Existing(Paths.Database);
        await database.ReadIsVersionAsync(cancellationToken);
        var host = AppLayerClient.ParseHost(hostUrl);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UserException("the site key must not be empty.");
        }

        using var client = new AppLayerClient(host, key.Trim(), AppLayerClientOptions.ForSite(_options.HostTimeout));
        var identity = await client.GetIdentityAsync(cancellationToken);
        var root = await Trust.Pinning.ReadRootAsync(host, key.Trim(), trustedRootFile, _options, cancellationToken);
        await database.EnrollAsync(
            new Enrollment(host, key.Trim(), identity.Installation, identity.Customer, identity.Modules, identity.TimeZone),
            _options.Clock.GetUtcNow(),
            cancellationToken);
        Trust.Pinning.Pin(Paths.Trust, root, feed);
        await Output.WriteLineAsync($"enrolled {Paths.Database} as installation {identity.Installation} of customer {identity.Customer} at {host}");
        return identity;
    }

    /// <summary>Downloads what the host lists and this IS lacks into the package cache, verified.</summary>
    public async Task<PullResult> PullAsync(CancellationToken cancellationToken = default)
    {
        var (database, enrollment) = await OpenAsync(cancellationToken);
        using var hold = AgentLock.Take(Paths);
        using var client = Client(enrollment);
        return await new Puller(Paths, database, Output, _options).PullAsync(enrollment, client, cancellationToken);
    }

    /// <summary>Applies the cached updates this IS lacks, then reports every result not yet reported.</summary>
    public Task<ApplyResult> ApplyAsync(CancellationToken cancellationToken = default) => ApplyAsync(report: true, now: false, cancellationToken);

    /// <summary>
    /// Applies the cached updates this IS lacks, inside the maintenance window unless <paramref name="now"/>
    /// (emergency legal updates apply outside it, recorded as such); reports them unless
    /// <paramref name="report"/> is false (they wait in the outbox).
    /// </summary>
    /// <exception cref="UserException">The IS database is marked damaged (<see cref="SitePaths.Damaged"/>).</exception>
    public async Task<ApplyResult> ApplyAsync(bool report, bool now = false, CancellationToken cancellationToken = default)
    {
        DamageMark.ThrowIfDamaged(Paths, _options);
        var (database, enrollment) = await OpenAsync(cancellationToken);
        using var hold = AgentLock.Take(Paths);
        var counts = await new Applier(Paths, database, _options).ApplyAsync(enrollment, now, cancellationToken);
        SiteLog.ApplyDone(_options.Logger, counts.Applied, counts.Failed, counts.AlreadyApplied, counts.Waiting);
        if (counts is { Failed: 0, Damaged: false })
        {
            await SnapshotStore.PruneAsync(Paths, database, _options, cancellationToken);
        }

        var reports = report ? await ReportAsync(database, enrollment, cancellationToken, filesOnly: counts.Damaged) : new ReportResult(0, 0);
        return new ApplyResult(counts.Applied, counts.Failed, counts.AlreadyApplied, reports) { Waiting = counts.Waiting };
    }

    /// <summary>
    /// Rolls back an applied update (its down step, or the snapshot from before it), after confirmation,
    /// then reports it.
    /// </summary>
    /// <exception cref="UserException">Not applied, not confirmed, or it cannot be rolled back.</exception>
    public Task<ReportResult> RollbackAsync(string packageId, bool confirmed, CancellationToken cancellationToken = default) =>
        RollbackAsync(packageId, confirmed, discardChangesSince: false, cancellationToken);

    /// <summary>
    /// As <see cref="RollbackAsync(string, bool, CancellationToken)"/>; a snapshot restore when the IS database changed
    /// since the update was applied is refused (listing what it would lose) unless <paramref name="discardChangesSince"/>.
    /// The rolled-back update is held: no later run applies it again until a manager releases it on the host.
    /// </summary>
    /// <exception cref="UserException">Not applied, not confirmed, changed since, or it cannot be rolled back.</exception>
    public async Task<ReportResult> RollbackAsync(string packageId, bool confirmed, bool discardChangesSince, CancellationToken cancellationToken = default)
    {
        DamageMark.ThrowIfDamaged(Paths, _options);
        var (database, enrollment) = await OpenAsync(cancellationToken);
        using var hold = AgentLock.Take(Paths);
        var done = await new RollbackRunner(Paths, database, _options).RunAsync(enrollment, packageId, confirmed, discardChangesSince, cancellationToken);
        await Output.WriteLineAsync(done);
        return await ReportAsync(database, enrollment, cancellationToken);
    }

    /// <summary>
    /// <c>site apply-local</c>: verifies a package's manifest and applies it to this database, which must be a copy
    /// (not enrolled here), without a feed and without reporting: rehearsed first (unless the options say not), in the
    /// worker sandbox, in the agent's transaction, checked after a failed worker, as every update.
    /// </summary>
    /// <exception cref="UserException">A bad package or database, the enrolled live database, or the update cannot apply to it; nothing was changed.</exception>
    public Task<LocalApplyResult> ApplyLocalAsync(string packagePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packagePath);
        return new LocalApplier(Paths, _options).ApplyAsync(packagePath, cancellationToken);
    }

    /// <summary>Writes a systemd service and timer that run <c>site run</c> for this database every <paramref name="every"/>.</summary>
    public Task<(string Service, string Timer)> InstallServiceAsync(string unitFolder, string every, CancellationToken cancellationToken = default) =>
        InstallServiceAsync(unitFolder, every, null, cancellationToken);

    /// <summary>As <see cref="InstallServiceAsync(string, string, CancellationToken)"/>, with the service's own user and cgroup limits.</summary>
    /// <exception cref="UserException">Not enrolled, a bad interval, user or limit, or the units cannot be written.</exception>
    public async Task<(string Service, string Timer)> InstallServiceAsync(string unitFolder, string every, Service.ServiceLimits? limits, CancellationToken cancellationToken = default)
    {
        var (_, enrollment) = await OpenAsync(cancellationToken);
        return Service.SystemdUnits.Write(unitFolder, enrollment.Installation, Paths.Database, Service.SystemdUnits.SelfCommand(), every, limits);
    }

    /// <summary>Runs the operational checks, records each finding in the IS database's applayer_findings and returns them with the inventory.</summary>
    public async Task<Checks.CheckReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var (database, enrollment) = await OpenAsync(cancellationToken);
        using var hold = AgentLock.Take(Paths);
        var report = await Checks.SiteChecks.RunAsync(database, enrollment, _options, cancellationToken);
        return await SystemLayer.InventoryReporting.ReportAsync(Paths, enrollment, report, _options, cancellationToken);
    }

    /// <summary>
    /// Removes the mark that the IS database is damaged, once an operator restored it: only when SQLite's full
    /// <c>integrity_check</c> of the file now answers ok.
    /// </summary>
    /// <returns>False when it was not marked.</returns>
    /// <exception cref="UserException">It is still damaged.</exception>
    public async Task<bool> ClearDamageAsync(CancellationToken cancellationToken = default)
    {
        SiteDatabase.Existing(Paths.Database);
        using var hold = AgentLock.Take(Paths);
        if (DamageMark.Read(Paths) is null)
        {
            await Output.WriteLineAsync($"{Paths.Database} is not marked damaged; nothing to clear");
            return false;
        }

        if (await DamageMark.CheckAsync(Paths.Database, full: true, cancellationToken) is { } problem)
        {
            throw new UserException($"the IS database '{Paths.Database}' is still damaged ({problem}); restore it from a backup, then run this again.");
        }

        DamageMark.Clear(Paths);
        SiteLog.DamageCleared(_options.Logger, Paths.Database);
        await Output.WriteLineAsync($"cleared the damage mark of {Paths.Database}: integrity_check ok; apply and run work again");
        return true;
    }

    /// <summary>The ordered plan for the cached updates; changes nothing.</summary>
    public async Task<Planning.SitePlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        var (database, enrollment) = await OpenAsync(cancellationToken);
        var plan = await Planning.SitePlanner.PlanAsync(Paths, database, enrollment, _options.Clock.GetUtcNow(), cancellationToken);
        var disk = DiskNeed.Of(Paths.Database, _options);
        plan = plan with { DiskNeededBytes = disk.NeededBytes, DiskFreeBytes = disk.FreeBytes, Disk = disk.Describe(_options) };
        if (!disk.Enough)
        {
            plan = plan with { Warnings = [.. plan.Warnings, $"not enough free disk for {disk.Folder}: {disk.Describe(_options)}; site run will refuse to start"] };
        }

        return Isolation.WorkerSandbox.Probe(_options) is { Available: false } sandbox
            ? plan with { Warnings = [.. plan.Warnings, Isolation.WorkerSandbox.Warning(sandbox, _options)] }
            : plan;
    }

    /// <summary>
    /// The snapshot retention and the snapshots kept; with <paramref name="keep"/> or <paramref name="days"/> it sets the
    /// retention first (the other part as it was). Pruning happens after the next successful run.
    /// </summary>
    /// <exception cref="UserException">A count below 1 or days below 0.</exception>
    public async Task<(SnapshotRetention Retention, IReadOnlyList<(string File, long Bytes, DateTimeOffset TakenAt)> Snapshots)> SnapshotsAsync(int? keep = null, int? days = null, CancellationToken cancellationToken = default)
    {
        var (database, _) = await OpenAsync(cancellationToken);
        var retention = await SiteSettings.ReadRetentionAsync(database, cancellationToken);
        if (keep is not null || days is not null)
        {
            retention = SnapshotStore.Validate(keep ?? retention.Keep, days ?? retention.Days);
            await SiteSettings.WriteRetentionAsync(database, retention, cancellationToken);
        }

        return (retention, [.. SnapshotStore.List(Paths).Select(s => (Path.GetFileName(s.Path), s.Bytes, s.TakenAt))]);
    }

    /// <summary>Sets (or with null clears) the maintenance window, in the installation's own time zone.</summary>
    /// <exception cref="UserException">Bad times.</exception>
    public async Task<Scheduling.MaintenanceWindow?> SetWindowAsync(string? start, string? end, CancellationToken cancellationToken = default)
    {
        var (database, enrollment) = await OpenAsync(cancellationToken);
        var window = start is null && end is null ? null : Scheduling.MaintenanceWindow.Parse(start ?? string.Empty, end ?? string.Empty, enrollment.TimeZone);
        await SiteSettings.WriteWindowAsync(database, window, cancellationToken);
        return window;
    }

    /// <summary>Sends the results the host has not accepted yet; keeps them when it cannot be reached.</summary>
    public async Task<ReportResult> ReportAsync(CancellationToken cancellationToken = default)
    {
        var (database, enrollment) = await OpenAsync(cancellationToken);
        using var hold = AgentLock.Take(Paths);
        return await ReportAsync(database, enrollment, cancellationToken);
    }

    /// <summary>
    /// Pull, then apply (which reports). When the host cannot be reached the updates already cached
    /// are still applied, and their reports wait for the next run.
    /// </summary>
    public Task<RunResult> RunAsync(CancellationToken cancellationToken = default) => RunAsync(now: false, cancellationToken);

    /// <summary>Pull, then apply (inside the maintenance window unless <paramref name="now"/>), then report.</summary>
    /// <exception cref="UserException">The IS database is marked damaged (<see cref="SitePaths.Damaged"/>); nothing was pulled.</exception>
    public async Task<RunResult> RunAsync(bool now, CancellationToken cancellationToken = default)
    {
        DamageMark.ThrowIfDamaged(Paths, _options);
        PullResult pull;
        try
        {
            pull = await PullAsync(cancellationToken);
        }
        catch (HostUnreachableException ex)
        {
            SiteLog.HostUnreachable(_options.Logger, ex.Message);
            await Output.WriteLineAsync($"warning: {ex.Message}; applying what is already cached.");
            pull = new PullResult(0, 0, 0, 0);
        }

        var apply = await ApplyAsync(report: true, now, cancellationToken);
        return new RunResult(pull, apply);
    }

    private async Task<ReportResult> ReportAsync(SiteDatabase database, Enrollment enrollment, CancellationToken cancellationToken, bool filesOnly = false)
    {
        using var client = Client(enrollment);
        var sent = await new Reporter(database, new Outbox(Paths.Outbox), _options).SendAsync(client, cancellationToken, filesOnly);
        SiteLog.Reported(_options.Logger, sent.Sent, sent.Pending, client.BaseAddress);
        await new SystemLayer.SystemReporter(Paths, Output).SendAsync(client, cancellationToken);
        return sent;
    }

    private async Task<(SiteDatabase Database, Enrollment Enrollment)> OpenAsync(CancellationToken cancellationToken)
    {
        var database = SiteDatabase.Existing(Paths.Database);
        return (database, await database.ReadEnrollmentAsync(_options.Logger, cancellationToken));
    }

    private AppLayerClient Client(Enrollment enrollment) => new(enrollment.Host, enrollment.Key, AppLayerClientOptions.ForSite(_options.HostTimeout));
}
