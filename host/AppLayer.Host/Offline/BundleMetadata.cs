namespace AppLayer.Host.Offline;

/// <summary>
/// THE list of signed metadata files an offline bundle carries: everything a site's TUF client may
/// ask for, including this customer's delegated targets role (<c>customer-{code}.json</c>) when it
/// has bespoke packages, and no other customer's role.
/// </summary>
internal static class BundleMetadata
{
    /// <param name="customerCode">Whose bundle it is (for per-customer roles).</param>
    /// <param name="available">The metadata files the feed has (file names in its <c>tuf/</c> folder).</param>
    /// <returns>The files to pack, in the order a client reads them: the root chain, then timestamp, snapshot, targets.</returns>
    public static IReadOnlyList<string> FileNames(string customerCode, IEnumerable<string> available)
    {
        ArgumentNullException.ThrowIfNull(customerCode);
        var names = available.ToHashSet(StringComparer.Ordinal);
        var files = new List<string>();

        // Every root version: the site walks N.root.json from whichever root it pinned.
        files.AddRange(names.Select(n => (Name: n, Version: RootVersion(n))).Where(r => r.Version > 0).OrderBy(r => r.Version).Select(r => r.Name));

        files.Add("timestamp.json");
        files.Add("snapshot.json");
        files.Add("targets.json");
        var role = Protocol.Tuf.TufDelegations.FileName(Protocol.Tuf.TufDelegations.RoleFor(customerCode));
        if (names.Contains(role))
        {
            files.Add(role);
        }

        return files;
    }

    private static long RootVersion(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && name[(dot + 1)..] == "root.json" && long.TryParse(name[..dot], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
    }
}
