namespace AppLayer.Site.Agent;

/// <summary>
/// The disk a run needs beside the IS database before it starts: room for the journal, the rehearsal copy (when
/// rehearsing) and the snapshot (when taking them), each as large as the database, plus 16 MiB; against what is free.
/// </summary>
internal sealed record DiskNeed(string Folder, long DatabaseBytes, long NeededBytes, long FreeBytes)
{
    private const long Margin = 16L * 1024 * 1024;

    public bool Enough => FreeBytes >= NeededBytes;

    public static DiskNeed Of(string database, SiteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var size = new FileInfo(database).Length;
        var copies = 1 + (options.Rehearse ? 1 : 0) + (options.Snapshots ? 1 : 0);
        var folder = Path.GetDirectoryName(Path.GetFullPath(database))!;
        return new DiskNeed(folder, size, (size * copies) + Margin, options.FreeDiskSpace(folder));
    }

    /// <summary>What the run needs, in words (the plan's line, and the refusal's).</summary>
    public string Describe(SiteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = string.Join(", ", new[] { "journal", options.Rehearse ? "rehearsal copy" : null, options.Snapshots ? "snapshot" : null }.OfType<string>());
        return $"{Mib(FreeBytes)} free, applying needs about {Mib(NeededBytes)} ({parts} of a {Mib(DatabaseBytes)} database)";
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MiB";
}
