namespace AppLayer.Feed.Tuf;

/// <summary>Atomic writes and the names of the metadata files (<c>root.json</c>, <c>N.root.json</c>, ...).</summary>
internal static class TufFiles
{
    public static bool IsMetadataName(string name)
    {
        if (name is "root.json" or "targets.json" or "snapshot.json" or "timestamp.json")
        {
            return true;
        }

        if (name.EndsWith(".json", StringComparison.Ordinal) && AppLayer.Protocol.Tuf.TufDelegations.IsRoleName(name[..^5]))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && name[(dot + 1)..] == "root.json" && name[..dot].All(char.IsAsciiDigit) && name[0] != '0' && dot < 10;
    }

    public static void WriteAtomic(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static void WriteKey(string path, string pem)
    {
        WriteAtomic(path, System.Text.Encoding.ASCII.GetBytes(pem));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
