using System.Security.Cryptography;

namespace AppLayer.Site.Tests.Support;

/// <summary>A snapshot of what a site keeps, to prove a refused update left nothing behind.</summary>
internal static class SiteState
{
    /// <summary>The IS database and every file the agent keeps (but its lock), with their hashes.</summary>
    public static Dictionary<string, string> Of(TempSite site, bool exceptTrust = false, params string[] except)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal) { ["<database>"] = site.Dump() };
        if (Directory.Exists(site.Paths.Root))
        {
            foreach (var file in Directory.GetFiles(site.Paths.Root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(site.Paths.Root, file);
                if (relative != "agent.lock" && !(exceptTrust && relative.StartsWith("tuf", StringComparison.Ordinal)) && !except.Any(e => relative.StartsWith(e, StringComparison.Ordinal)))
                {
                    state[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
                }
            }
        }

        return state;
    }

    /// <summary>The snapshot without the files below <paramref name="folders"/>.</summary>
    public static Dictionary<string, string> Without(Dictionary<string, string> state, params string[] folders) =>
        state.Where(p => !folders.Any(f => p.Key.StartsWith(f, StringComparison.Ordinal))).ToDictionary(StringComparer.Ordinal);

    /// <summary>
    /// What a pull that skipped an update may add besides verified metadata: the skip list, its one failure
    /// report for the host and the host's listing. Everything else (the IS database, the cache) stays as it was.
    /// </summary>
    public static readonly string[] SkipFiles = ["skipped.json", "outbox", "listing"];
}
