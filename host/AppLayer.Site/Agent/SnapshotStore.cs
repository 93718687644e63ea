using AppLayer.Protocol;

namespace AppLayer.Site.Agent;

/// <summary>
/// The snapshots beside the IS database and their retention: when each was taken (by the agent's clock: the file's
/// last write time, stamped when it was taken), how large they are, and which to prune after a successful run.
/// </summary>
internal static class SnapshotStore
{
    public static IReadOnlyList<SnapshotFile> List(SitePaths paths) =>
        Directory.Exists(paths.Snapshots)
            ? Directory.GetFiles(paths.Snapshots, "*.db")
                .Select(f => new FileInfo(f))
                .Select(f => new SnapshotFile(f.FullName, f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
                .OrderByDescending(f => f.TakenAt)
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The snapshot the newest applied update would be rolled back with; null when nothing is applied.</summary>
    public static async Task<string?> NeededForRollbackAsync(SitePaths paths, SiteDatabase database, CancellationToken cancellationToken)
    {
        var newest = (await database.ReadHistoryAsync(unreportedOnly: false, cancellationToken)).LastOrDefault();
        return newest is null ? null : Path.GetFullPath(paths.SnapshotOf(newest.PackageId, newest.Version));
    }

    /// <summary>Deletes the snapshots past the retention, each with a log line (4237), and logs what is kept (4236).</summary>
    public static async Task<IReadOnlyList<SnapshotFile>> PruneAsync(SitePaths paths, SiteDatabase database, SiteAgentOptions options, CancellationToken cancellationToken)
    {
        var retention = await SiteSettings.ReadRetentionAsync(database, cancellationToken);
        var needed = await NeededForRollbackAsync(paths, database, cancellationToken);
        var now = options.Clock.GetUtcNow();
        var all = List(paths);
        var pruned = new List<SnapshotFile>();
        for (var i = 0; i < all.Count; i++)
        {
            var snapshot = all[i];
            var age = now - snapshot.TakenAt;
            if (i < retention.Keep || age < TimeSpan.FromDays(retention.Days) || string.Equals(snapshot.Path, needed, StringComparison.Ordinal))
            {
                continue;
            }

            File.Delete(snapshot.Path);
            pruned.Add(snapshot);
            SiteLog.SnapshotPruned(options.Logger, snapshot.Path, snapshot.Bytes, snapshot.TakenAt, $"{age.TotalDays:0} days old, past {retention}");
            await options.Output.WriteLineAsync($"pruned snapshot {Path.GetFileName(snapshot.Path)} ({snapshot.Bytes / 1024.0 / 1024.0:0.0} MiB, taken {snapshot.TakenAt:yyyy-MM-dd}): past the retention, {retention}");
        }

        var kept = all.Except(pruned).ToList();
        SiteLog.SnapshotsRetained(options.Logger, kept.Count, kept.Sum(k => k.Bytes), pruned.Count, retention.Keep, retention.Days);
        return pruned;
    }

    /// <summary>Checks a retention given by the operator.</summary>
    /// <exception cref="UserException">A count below 1 or days below 0.</exception>
    public static SnapshotRetention Validate(int keep, int days) =>
        keep < 1 || days < 0
            ? throw new UserException($"snapshot retention needs --keep of at least 1 and --days of 0 or more (got --keep {keep} --days {days}): the newest snapshot is what a rollback needs")
            : new SnapshotRetention(keep, days);
}

/// <summary>One snapshot file: where, how large, and when the agent took it.</summary>
internal sealed record SnapshotFile(string Path, long Bytes, DateTimeOffset TakenAt);
