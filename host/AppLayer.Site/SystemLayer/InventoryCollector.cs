using System.Runtime.InteropServices;
using AppLayer.Protocol.Api;

namespace AppLayer.Site.SystemLayer;

/// <summary>
/// The system software inventory as components and versions the host can judge: the OS from <c>/etc/os-release</c>
/// (<c>debian</c> <c>12</c>), the .NET runtime (<c>dotnet</c>), the IS database engine (<c>sqlite</c>) and the IS itself.
/// </summary>
internal static class InventoryCollector
{
    public const string OsRelease = "/etc/os-release";

    public static IReadOnlyList<InventoryItemDto> Collect(IReadOnlyDictionary<string, string> checkInventory, string osReleaseFile = OsRelease)
    {
        var items = new List<InventoryItemDto> { Os(osReleaseFile) };
        items.Add(new InventoryItemDto("dotnet", Environment.Version.ToString(), RuntimeInformation.FrameworkDescription));
        if (checkInventory.TryGetValue("sqlite", out var sqlite))
        {
            items.Add(new InventoryItemDto("sqlite", sqlite, "SQLite, the IS database engine"));
        }

        if (checkInventory.TryGetValue("is", out var isVersion))
        {
            items.Add(new InventoryItemDto("is", isVersion, "the IS"));
        }

        return items;
    }

    private static InventoryItemDto Os(string osReleaseFile)
    {
        if (File.Exists(osReleaseFile))
        {
            var fields = File.ReadAllLines(osReleaseFile)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"'), StringComparer.Ordinal);
            if (fields.TryGetValue("ID", out var id) && id.Length > 0)
            {
                return new InventoryItemDto(
                    id.ToLowerInvariant(),
                    fields.GetValueOrDefault("VERSION_ID") is { Length: > 0 } version ? version : "rolling",
                    fields.GetValueOrDefault("PRETTY_NAME") ?? RuntimeInformation.OSDescription);
            }
        }

        var name = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "os";
        return new InventoryItemDto(name, Environment.OSVersion.Version.ToString(), RuntimeInformation.OSDescription);
    }
}
