namespace AppLayer.Site;

/// <summary>
/// Where the agent keeps its files for one IS database: everything beside the database in
/// <c>&lt;db&gt;.applayer/</c>, so one folder per installation holds the package cache and the outbox.
/// </summary>
public sealed record SitePaths
{
    private SitePaths(string database)
    {
        Database = database;
        Root = database + ".applayer";
    }

    /// <summary>The IS database file.</summary>
    public string Database { get; }

    /// <summary><c>&lt;db&gt;.applayer/</c>.</summary>
    public string Root { get; }

    /// <summary>Downloaded packages whose length and SHA-512 matched the host's listing.</summary>
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>Failure reports not yet accepted by the host, one JSON file each.</summary>
    public string Outbox => Path.Combine(Root, "outbox");

    /// <summary>The TUF root pinned at enrollment and the newest metadata verified since.</summary>
    public string Trust => Path.Combine(Root, "tuf");

    /// <summary>The listed updates the last pull could not verify, with the reason (<c>skipped.json</c>; absent when none).</summary>
    public string Skipped => Path.Combine(Root, "skipped.json");

    /// <summary>Downloads in progress; nothing here is ever opened as a package.</summary>
    public string Incoming => Path.Combine(Root, "incoming");

    /// <summary>The mark that the IS database was found damaged (<c>damaged.json</c>; absent when it was not): nothing is applied while it exists.</summary>
    public string Damaged => Path.Combine(Root, "damaged.json");

    /// <summary>The copy of the IS database each run rehearses its updates on; removed after the run. In a folder of its own: the worker that rehearses may change only that folder.</summary>
    public string Rehearsal => Path.Combine(RehearsalFolder, "rehearsal.db");

    /// <summary>The folder of the rehearsal copies.</summary>
    public string RehearsalFolder => Path.Combine(Root, "rehearsal");

    /// <summary>The IS database as it was before each update, for rolling back updates without a down step.</summary>
    public string Snapshots => Path.Combine(Root, "snapshots");

    /// <summary>The snapshot taken before <paramref name="id"/> <paramref name="version"/> was applied.</summary>
    public string SnapshotOf(string id, string version) => Path.Combine(Snapshots, $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.db");

    public static SitePaths For(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return new SitePaths(Path.GetFullPath(databasePath));
    }
}
