using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Packages;
using AppLayer.Site.Planning;
using Microsoft.Data.Sqlite;
using NuGet.Packaging;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// <c>applayer site apply-local X.nupkg --db COPY</c>: a plugin author tries an update on a copy of an IS database
/// without a feed and without publishing (every push burns an immutable version). The package is checked as the
/// agent checks a pulled one (its manifest valid and naming the package's own id and version, the IS version range,
/// the dependencies applied), then rehearsed and applied with the same guarantees as <c>site apply</c>. It refuses
/// the live database: one whose agent folder holds a site key or pinned TUF metadata (it is enrolled here), or that
/// still keeps its key inside.
/// </summary>
internal sealed class LocalApplier
{
    private readonly SitePaths _paths;
    private readonly SiteAgentOptions _options;

    public LocalApplier(SitePaths paths, SiteAgentOptions options)
    {
        _paths = paths;
        _options = options;
    }

    /// <exception cref="UserException">A bad package or database, the live database, or the update cannot apply to it; nothing was changed.</exception>
    public async Task<LocalApplyResult> ApplyAsync(string packagePath, CancellationToken cancellationToken)
    {
        var package = Path.GetFullPath(packagePath);
        if (!File.Exists(package))
        {
            throw new UserException(Directory.Exists(package) ? $"'{packagePath}' is a folder, not a .nupkg package." : $"package '{packagePath}' does not exist.");
        }

        if (Directory.Exists(_paths.Database))
        {
            throw new UserException($"--db '{_paths.Database}' is a folder, not an IS database file.");
        }

        var database = SiteDatabase.Existing(_paths.Database);
        RefuseLive();
        DamageMark.ThrowIfDamaged(_paths, _options);
        var (manifest, listing) = await ReadPackageAsync(package, cancellationToken);
        var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
        SiteLog.LocalApplyStarted(_options.Logger, manifest.Id, version, package, _paths.Database);
        var (isVersion, identity) = await ReadDatabaseAsync(database, cancellationToken);
        if (identity is { KeyInside: true })
        {
            throw Live($"it keeps a site key in applayer_site (an enrolled IS database, or a copy of one made before the key moved out: blank it there first)");
        }

        if (SitePlanner.UnsupportedIsVersion(manifest, isVersion) is { } unsupported)
        {
            throw new UserException($"{manifest.Id} {version} cannot apply to {_paths.Database}: {unsupported}; nothing was changed.");
        }

        using var hold = AgentLock.Take(_paths);
        var applied = await database.ReadAppliedAsync(cancellationToken);
        if (applied.TryGetValue(manifest.Id, out var have) && have >= NuGetVersion.Parse(manifest.Version))
        {
            throw new UserException($"{manifest.Id} {have.ToNormalizedString()} is already applied to {_paths.Database}; make a fresh copy of the IS database to try {version} again.");
        }

        foreach (var dependency in manifest.Dependencies)
        {
            if (!applied.TryGetValue(dependency.Id, out var dependencyVersion) || dependencyVersion < NuGetVersion.Parse(dependency.MinVersion))
            {
                throw new UserException($"{manifest.Id} {version} needs {dependency.Id} {dependency.MinVersion} or later applied first, and {_paths.Database} has {(dependencyVersion is null ? "none" : dependencyVersion.ToNormalizedString())}; apply that one to the copy first.");
            }
        }

        await database.EnsureAgentTablesAsync(cancellationToken);
        var enrollment = identity?.Identity ?? new Enrollment(new Uri("http://localhost/"), string.Empty, "local", "local", manifest.Modules, "Europe/Prague");
        var outcome = await new Applier(_paths, database, _options).ApplyLocalAsync(new CachedPackage(listing, package), manifest, enrollment, cancellationToken);
        var result = new LocalApplyResult(manifest.Id, version, outcome.Succeeded, outcome.Succeeded ? outcome.Message : FailureMessage(outcome), outcome.Damaged);
        if (outcome.Succeeded)
        {
            SiteLog.AppliedLocally(_options.Logger, manifest.Id, version, _paths.Database, _options.Rehearse);
            await _options.Output.WriteLineAsync($"applied {manifest.Id} {version} to {_paths.Database}{(_options.Rehearse ? " (rehearsed on a copy of it first)" : string.Empty)}; nothing was published or reported");
        }
        else
        {
            SiteLog.LocalApplyFailed(_options.Logger, manifest.Id, version, _paths.Database, result.Message);
        }

        return result;
    }

    private static string FailureMessage(UpdateOutcome outcome) =>
        (outcome.Step == UpdateStep.Load ? "not applied: " : $"{outcome.Step.ToString().ToLowerInvariant()} failed: ") + outcome.Message
        + (outcome.Damaged ? string.Empty : "; the copy is as it was");

    /// <summary>The live, enrolled database: its agent folder holds the site key or the pinned TUF root.</summary>
    private void RefuseLive()
    {
        if (File.Exists(SiteKeyFile.PathOf(_paths)))
        {
            throw Live($"its agent folder holds the site key ({SiteKeyFile.PathOf(_paths)})");
        }

        if (Directory.Exists(_paths.Trust))
        {
            throw Live($"its agent folder holds the feed's pinned signing root ({_paths.Trust})");
        }
    }

    private UserException Live(string why)
    {
        SiteLog.LocalApplyRefusedLive(_options.Logger, _paths.Database, why);
        return new UserException($"'{_paths.Database}' is an enrolled IS database ({why}); apply-local changes only a copy: copy it (e.g. sqlite3 {Path.GetFileName(_paths.Database)} \".backup copy.db\") and pass --db copy.db; nothing was changed.");
    }

    private async Task<(UpdateManifest Manifest, AvailableUpdateDto Listing)> ReadPackageAsync(string package, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(package);
        UpdateManifest manifest;
        NuGet.Packaging.Core.PackageIdentity identity;
        try
        {
            manifest = PackageManifestReader.Read(package);
            using var reader = new PackageArchiveReader(package);
            identity = await reader.GetIdentityAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or NuGet.Packaging.Core.PackagingException or IOException)
        {
            throw new UserException($"{name} is not a valid NuGet package: {ex.Message}", ex);
        }

        if (!string.Equals(manifest.Id, identity.Id, StringComparison.OrdinalIgnoreCase) || NuGetVersion.Parse(manifest.Version) != identity.Version)
        {
            throw new UserException($"{name}: its {UpdateManifest.FileName} names {manifest.Id} {manifest.Version}, but the package is {identity.Id} {identity.Version.ToNormalizedString()}; refused.");
        }

        var size = new FileInfo(package).Length;
        if (size > _options.PackageLimits.MaxPackageBytes)
        {
            throw new UserException($"{name} is {size} bytes, more than the {_options.PackageLimits.MaxPackageBytes} bytes a package may be; refused.");
        }

        var sha512 = await PackageHash.ComputeAsync(package, cancellationToken);
        return (manifest, new AvailableUpdateDto(manifest.Id, manifest.Version, manifest.Kind.ToString(), manifest.Title, sha512, size, manifest.EffectiveDate, manifest.LegalReferences));
    }

    private static async Task<(NuGetVersion IsVersion, (Enrollment Identity, bool KeyInside)? Identity)> ReadDatabaseAsync(SiteDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            return (await database.ReadIsVersionAsync(cancellationToken), await database.ReadIdentityAsync(cancellationToken));
        }
        catch (SqliteException ex)
        {
            throw new UserException($"'{database.Path}' is not an IS database SQLite can open: {ex.Message}", ex);
        }
    }
}

/// <summary>What <c>site apply-local</c> did: applied, or why not (and whether the copy is damaged now).</summary>
public sealed record LocalApplyResult(string Id, string Version, bool Applied, string Message, bool Damaged)
{
    /// <summary>0 applied; 2 the update failed (the copy is as it was, unless <see cref="Damaged"/>).</summary>
    public int ExitCode => Applied ? 0 : 2;
}
