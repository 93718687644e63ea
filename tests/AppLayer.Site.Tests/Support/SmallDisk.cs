using System.Diagnostics;
using System.Globalization;

namespace AppLayer.Site.Tests.Support;

/// <summary>A real, small file system (tmpfs of a fixed size) mounted on a folder, unmounted on dispose.</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    /// <returns>The mounted disk, or <c>null</c> with why when mounting is not permitted here.</returns>
    public static (SmallDisk? Disk, string Why) TryMount(string folder, long bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "a tmpfs can only be mounted on Linux");
        }

        Directory.CreateDirectory(folder);
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", "size=" + bytes.ToString(CultureInfo.InvariantCulture), "tmpfs", folder);
        return exit == 0
            ? (new SmallDisk(folder), string.Empty)
            : (null, $"mounting a {bytes} byte tmpfs is not permitted here (mount exited with {exit}: {output.Trim()}); run the tests as root to include the full-disk test");
    }

    public void Dispose() => Run("umount", "--lazy", Folder);

    private static (int Exit, string Output) Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
