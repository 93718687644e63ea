using System.Text.Json;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Offline;
using AppLayer.Site.Agent;
using AppLayer.Site.Packages;
using AppLayer.Site.Reporting;
using AppLayer.Site.Trust;
using NuGet.Versioning;

namespace AppLayer.Site.Offline;

/// <summary>
/// The site agent without a network: apply an offline bundle (verified exactly as a pull verifies the
/// host's feed, then the normal apply pipeline), export the reports that wait in the outbox, and mark
/// them sent once the host has imported them. Nothing here contacts the host.
/// </summary>
public sealed class OfflineSite
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SiteAgentOptions _options;

    public OfflineSite(string databasePath, SiteAgentOptions? options = null)
    {
        Paths = SitePaths.For(databasePath);
        _options = options ?? new SiteAgentOptions();
    }

    public SitePaths Paths { get; }

    private TextWriter Output => _options.Output;

    /// <summary>
    /// Unpacks the bundle safely, checks it is this customer's, verifies its signed metadata from the
    /// pinned root (chain, signatures, thresholds, versions against the trusted ones, expiry against the
    /// clock), checks every package this installation lacks for length and SHA-512 against the verified
    /// targets, caches them, then applies as <c>site apply</c> does. Reports wait in the outbox.
    /// </summary>
    /// <exception cref="UserException">Anything refused; the IS database is then exactly as before.</exception>
    public async Task<ApplyResult> ApplyBundleAsync(string bundlePath, bool now = false, CancellationToken cancellationToken = default)
    {
        DamageMark.ThrowIfDamaged(Paths, _options);
        var database = SiteDatabase.Existing(Paths.Database);
        var enrollment = await database.ReadEnrollmentAsync(_options.Logger, cancellationToken);
        using var hold = AgentLock.Take(Paths);
        var folder = Path.Combine(Paths.Root, "bundle-" + Guid.NewGuid().ToString("N"));
        try
        {
            var bundle = UnpackedBundle.Extract(bundlePath, folder);
            if (!string.Equals(bundle.Manifest.Customer, enrollment.Customer, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserException($"{bundle.Name} is a bundle for customer {bundle.Manifest.Customer}, but this IS is installation {enrollment.Installation} of customer {enrollment.Customer}; refused.");
            }

            var updater = new TufUpdater(new TrustStore(Paths.Trust), new BundleMetadataSource(bundle.MetadataFolder), _options.Clock);
            var signed = await updater.RefreshAsync(cancellationToken);
            var (verified, cached, alreadyApplied) = await VerifyPackagesAsync(bundle, enrollment, signed, updater, cancellationToken);
            var cache = new PackageCache(Paths.Packages);
            foreach (var (file, listing) in verified)
            {
                cache.Add(file, listing);
            }

            await Output.WriteLineAsync($"bundle {bundle.Name} (customer {bundle.Manifest.Customer}, made {bundle.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC): signed metadata verified; {verified.Count} package(s) verified and cached, {cached} already cached, {alreadyApplied} already in the IS");
        }
        finally
        {
            TryDelete(folder);
        }

        var counts = await new Applier(Paths, database, _options).ApplyAsync(enrollment, now, cancellationToken);
        var pending = counts.Damaged ? new Outbox(Paths.Outbox).List().Count : (await UnsentAsync(database, cancellationToken)).Count;
        if (pending > 0)
        {
            await Output.WriteLineAsync($"{pending} report(s) wait in the outbox: applayer site report export --db {Paths.Database} --out FILE");
        }

        return new ApplyResult(counts.Applied, counts.Failed, counts.AlreadyApplied, new ReportResult(0, pending)) { Waiting = counts.Waiting };
    }

    /// <summary>Writes every report the host has not accepted yet (with its id, the idempotency key) to <paramref name="outputPath"/>; marks nothing.</summary>
    /// <returns>The number of reports written.</returns>
    public async Task<int> ExportReportsAsync(string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var database = SiteDatabase.Existing(Paths.Database);
        var enrollment = await database.ReadEnrollmentAsync(_options.Logger, cancellationToken);
        using var hold = AgentLock.Take(Paths);
        var reports = await UnsentAsync(database, cancellationToken);
        var export = new ReportExportDto(OfflineBundleLayout.ReportFormat, enrollment.Installation, enrollment.Customer, _options.Clock.GetUtcNow(), reports);
        var target = Path.GetFullPath(outputPath);
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            throw new UserException($"folder '{Path.GetDirectoryName(target)}' does not exist.");
        }

        var temporary = target + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(export, Json), cancellationToken);
        File.Move(temporary, target, overwrite: true);
        await Output.WriteLineAsync($"exported {reports.Count} report(s) of installation {enrollment.Installation} to {target}; import them with: applayer report import {Path.GetFileName(target)}; then: applayer site report ack {Path.GetFileName(target)} --db {Paths.Database}");
        return reports.Count;
    }

    /// <summary>
    /// Marks the reports in an exported file sent, after the host imported them: they leave the outbox
    /// and are not exported again. Reports not in the outbox any more are skipped.
    /// </summary>
    /// <returns>The number of reports marked.</returns>
    /// <exception cref="UserException">Not a report file, or another installation's.</exception>
    public async Task<int> AcknowledgeReportsAsync(string exportPath, CancellationToken cancellationToken = default)
    {
        var database = SiteDatabase.Existing(Paths.Database);
        var enrollment = await database.ReadEnrollmentAsync(_options.Logger, cancellationToken);
        var export = ReadExport(exportPath);
        if (!string.Equals(export.Installation, enrollment.Installation, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserException($"{Path.GetFileName(exportPath)} holds the reports of installation {export.Installation}, not of this one ({enrollment.Installation}).");
        }

        using var hold = AgentLock.Take(Paths);
        var ids = export.Reports.Select(r => r.ReportId).ToHashSet(StringComparer.Ordinal);
        var marked = 0;
        await using (var connection = database.Connect())
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var report in await OutboxTable.UnsentAsync(connection, cancellationToken))
            {
                if (ids.Contains(report.ReportId))
                {
                    await OutboxTable.MarkSentAsync(connection, report.ReportId, _options.Clock.GetUtcNow(), cancellationToken);
                    marked++;
                }
            }
        }

        foreach (var (path, report) in new Outbox(Paths.Outbox).List())
        {
            if (ids.Contains(report.ReportId))
            {
                Outbox.Remove(path);
                marked++;
            }
        }

        await Output.WriteLineAsync($"marked {marked} report(s) sent");
        return marked;
    }

    private async Task<(List<(string File, AvailableUpdateDto Listing)> Verified, int Cached, int AlreadyApplied)> VerifyPackagesAsync(
        UnpackedBundle bundle, Enrollment enrollment, VerifiedTargets signed, TufUpdater updater, CancellationToken cancellationToken)
    {
        // Checked in full before any is cached: one bad package refuses the whole bundle. A bespoke
        // package is found in this customer's delegated targets role, verified from the bundle too.
        var updates = new List<AvailableUpdateDto>();
        foreach (var listed in bundle.ListingFor(enrollment.Installation))
        {
            updates.Add(await Puller.SignedAsync(listed, signed, updater, enrollment.Customer, cancellationToken));
        }

        var applied = await SiteDatabase.Existing(Paths.Database).ReadAppliedAsync(cancellationToken);
        var cache = new PackageCache(Paths.Packages);
        var verified = new List<(string, AvailableUpdateDto)>();
        var relisted = new List<AvailableUpdateDto>();
        int cached = 0, alreadyApplied = 0;
        foreach (var update in updates)
        {
            var version = Puller.ParseListing(update);
            var normalized = version.ToNormalizedString();
            if (applied.TryGetValue(update.Id, out var done) && done >= version)
            {
                alreadyApplied++;
                continue;
            }

            if (cache.Contains(update))
            {
                relisted.Add(update);
                cached++;
                continue;
            }

            var what = $"{update.Id} {normalized} in {bundle.Name}";
            var file = bundle.PackagePath(update.Id, normalized)
                ?? throw new PackageIntegrityException($"{bundle.Name} lists {update.Id} {normalized} for installation {enrollment.Installation} but does not carry it; refused.");
            await PackageHash.VerifyAsync(file, what, update.Size, update.Sha512, cancellationToken);
            var manifest = PackageManifestReader.Read(file);
            if (!string.Equals(manifest.Id, update.Id, StringComparison.OrdinalIgnoreCase) || NuGetVersion.Parse(manifest.Version) != version)
            {
                throw new PackageIntegrityException($"{what} holds {manifest.Id} {manifest.Version}; refused.");
            }

            if (manifest.Customer is { } owner && !string.Equals(owner, enrollment.Customer, StringComparison.OrdinalIgnoreCase))
            {
                throw new PackageIntegrityException($"{what} is a bespoke update of customer {owner}, not of {enrollment.Customer}; refused.");
            }

            verified.Add((file, update));
        }

        // Only once every package verified: an already cached one takes the bundle's gate mark, as a pull does.
        relisted.ForEach(cache.Relist);
        return (verified, cached, alreadyApplied);
    }

    private async Task<List<DeploymentReportDto>> UnsentAsync(SiteDatabase database, CancellationToken cancellationToken)
    {
        var reports = new List<DeploymentReportDto>();
        await using (var connection = database.Connect())
        {
            await connection.OpenAsync(cancellationToken);
            reports.AddRange(await OutboxTable.UnsentAsync(connection, cancellationToken));
        }

        reports.AddRange(new Outbox(Paths.Outbox).List().Select(r => r.Report));
        return reports;
    }

    private static ReportExportDto ReadExport(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"report file '{path}' does not exist.");
        }

        try
        {
            var export = JsonSerializer.Deserialize<ReportExportDto>(File.ReadAllBytes(path), JsonSerializerOptions.Web);
            return export is { Installation.Length: > 0, Reports: not null } && export.Format == OfflineBundleLayout.ReportFormat
                ? export
                : throw new UserException($"{Path.GetFileName(path)} is not a report file of format {OfflineBundleLayout.ReportFormat}.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"{Path.GetFileName(path)} is not a report file: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // a leftover unpacked bundle is only disk space; the next one uses a new folder
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }
}
