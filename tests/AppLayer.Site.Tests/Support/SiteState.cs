using System.Security.Cryptography;

namespace AppLayer.Site.Tests.Support;

/// <summary>A snapshot of what a site keeps, to prove a refused update left nothing behind.</summary>
internal static class SiteState
{
    /// <summary>The IS database and every file the agent keeps (but its lock), with their hashes.</summary>
    public static Dictionary<string, string> Of(TempSite site, bool exceptTrust = false)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal) { ["<database>"] = site.Dump() };
        if (Directory.Exists(site.Paths.Root))
        {
            foreach (var file in Directory.GetFiles(site.Paths.Root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(site.Paths.Root, file);
                if (relative != "agent.lock" && !(exceptTrust && relative.StartsWith("tuf", StringComparison.Ordinal)))
                {
                    state[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
                }
            }
        }

        return state;
    }

    /// <summary>The snapshot without the files below <paramref name="folder"/>.</summary>
    public static Dictionary<string, string> Without(Dictionary<string, string> state, string folder) =>
        state.Where(p => !p.Key.StartsWith(folder, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
}
