namespace AppLayer.Feed.Indexing;

/// <summary>Zip entry names a package may hold: relative, forward slashes, no <c>..</c>, no device names.</summary>
internal static class EntryNames
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <returns>Why the name is unsafe, or <c>null</c> when it is fine.</returns>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "an entry has an empty name";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return $"entry '{name}' uses a backslash";
        }

        if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal))
        {
            return $"entry '{name}' is an absolute path";
        }

        if (name.Any(char.IsControl))
        {
            return $"entry '{name}' holds a control character";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment == "..")
            {
                return $"entry '{name}' climbs out of the package with '..'";
            }

            var stem = segment.Split('.')[0].TrimEnd(' ');
            if (DeviceNames.Contains(stem))
            {
                return $"entry '{name}' uses the device name '{stem}'";
            }
        }

        return null;
    }
}
