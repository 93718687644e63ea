using System.Text;
using AppLayer.Protocol;
using Microsoft.Extensions.Logging;

namespace AppLayer.Site.Agent;

/// <summary>
/// The site key, outside the IS database: <c>&lt;db&gt;.applayer/site.key</c>, mode 0600 (readable and writable by the
/// agent's user only). No plugin sees it: the worker sandbox replaces the agent's folder with an empty tmpfs, and the
/// IS database (which every plugin and every rehearsal copy gets) no longer holds it.
/// </summary>
internal static class SiteKeyFile
{
    /// <summary>Only the owner may read or write it.</summary>
    internal const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static string PathOf(SitePaths paths) => Path.Combine(paths.Root, "site.key");

    /// <summary>Writes the key (a new file, 0600 from its creation, then renamed over the old one).</summary>
    public static void Write(SitePaths paths, string key)
    {
        Directory.CreateDirectory(paths.Root);
        var target = PathOf(paths);
        var temporary = target + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(key + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The key, or null when there is no key file. A file others may read is made the owner's only first (logged).</summary>
    /// <exception cref="UserException">The file cannot be read, or is empty.</exception>
    public static string? Read(SitePaths paths, ILogger logger)
    {
        var path = PathOf(paths);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                if ((mode & Others) != 0)
                {
                    File.SetUnixFileMode(path, mode & ~Others);
                    SiteLog.SiteKeyModeTightened(logger, path, Convert.ToString((int)mode, 8));
                }
            }

            var key = File.ReadAllText(path, Encoding.UTF8).Trim();
            return key.Length == 0
                ? throw new UserException($"the site key file '{path}' is empty; re-enroll: applayer site enroll --host URL --key KEY --db {paths.Database}")
                : key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"cannot read the site key file '{path}': {ex.Message} (run the agent as the user that enrolled it)", ex);
        }
    }
}
