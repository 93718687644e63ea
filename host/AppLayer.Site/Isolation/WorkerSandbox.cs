using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace AppLayer.Site.Isolation;

/// <summary>
/// The private mount namespace each worker runs in (bubblewrap, <c>bwrap</c>): the system, the runtime, the
/// worker and the plugin folder read-only, read-write only the folder of the database it changes, the agent's
/// own folder (<c>&lt;db&gt;.applayer/</c>: snapshots, TUF metadata, package cache, outbox) replaced by an empty
/// tmpfs, a private <c>/tmp</c>, no network, its own PID namespace (every process the plugin starts ends with
/// the worker) and its own session. Native memory is limited too (<c>prlimit --as</c>), not only the managed heap.
/// </summary>
internal static class WorkerSandbox
{
    /// <summary>
    /// What the address-space limit allows beyond the GC's reservation (<see cref="GcRegionRange"/>): the runtime's own
    /// reservations (measured with .NET 10 on x64: about 2.3 GiB mapped, nearly all of it reserved, never touched,
    /// with <c>MALLOC_ARENA_MAX=2</c>), plus about 1.5 GiB for the native memory a plugin and SQLite really use.
    /// </summary>
    internal const long AddressSpaceAllowance = 4L * 1024 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, SandboxStatus> Probed = new(StringComparer.Ordinal);

    /// <summary>Whether the sandbox can be set up here: bubblewrap found and able to start a process in it (asked once per path).</summary>
    public static SandboxStatus Probe(SiteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OperatingSystem.IsLinux())
        {
            return new SandboxStatus(false, null, "the worker sandbox (bubblewrap) needs Linux");
        }

        var bwrap = options.BubblewrapPath ?? FindOnPath("bwrap");
        if (bwrap is null || !File.Exists(bwrap))
        {
            return new SandboxStatus(false, null, $"bubblewrap ({options.BubblewrapPath ?? "bwrap"}) was not found; install it (Debian: apt-get install bubblewrap)");
        }

        return Probed.GetOrAdd(bwrap, TryRun);
    }

    /// <summary>What <c>site plan</c> and <c>site check</c> say when the sandbox cannot be set up.</summary>
    public static string Warning(SandboxStatus sandbox, SiteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowUnsandboxed
            ? $"the worker sandbox is not available ({sandbox.Description}); update plugins run WITHOUT it, as allowed: a plugin could change the agent's files beside the database"
            : $"the worker sandbox is not available ({sandbox.Description}); no update plugin will run until it is, or the operator allows it with --allow-unsandboxed";
    }

    /// <summary>
    /// The command line that starts the worker: <c>bwrap … -- prlimit --as=… -- dotnet applayer-worker.dll</c>,
    /// or without the sandbox <c>prlimit --as=… -- dotnet …</c> (the worker still gets its native memory limit).
    /// </summary>
    public static List<string> CommandLine(SandboxStatus sandbox, SandboxMounts mounts, string dotnet, string worker, long heapLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(mounts);
        var line = new List<string>();
        if (sandbox.Available)
        {
            line.Add(sandbox.Bubblewrap!);
            line.AddRange(Arguments(mounts, dotnet, worker));
            line.Add("--");
        }

        if (FindOnPath("prlimit") is { } prlimit)
        {
            line.AddRange([prlimit, "--as=" + AddressSpaceLimit(heapLimitBytes).ToString(CultureInfo.InvariantCulture), "--"]);
        }

        line.AddRange([dotnet, worker]);
        return line;
    }

    /// <summary>The address-space limit (RLIMIT_AS) for a worker with this managed heap limit.</summary>
    public static long AddressSpaceLimit(long heapLimitBytes) => GcRegionRange(heapLimitBytes) + AddressSpaceAllowance;

    /// <summary>
    /// The address space the GC may reserve (<c>DOTNET_GCRegionRange</c>): twice the heap limit. Left alone, the GC
    /// reserves about five times the limit, which would leave an address-space limit no room to be tight.
    /// </summary>
    public static long GcRegionRange(long heapLimitBytes) => 2 * heapLimitBytes;

    private static IEnumerable<string> Arguments(SandboxMounts mounts, string dotnet, string worker)
    {
        var args = new List<string>
        {
            "--die-with-parent", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--new-session",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
            "--setenv", "TMPDIR", "/tmp", "--setenv", "HOME", "/tmp",
        };

        foreach (var system in new[] { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new DirectoryInfo(system);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, system]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", system, system]);
            }
        }

        foreach (var file in new[] { "/etc/ld.so.cache", "/etc/localtime", "/etc/timezone", "/etc/os-release" })
        {
            args.AddRange(["--ro-bind-try", file, file]);
        }

        // What the worker may change: the database's folder, with the agent's own folder in it hidden.
        var databaseFolder = Path.GetDirectoryName(Path.GetFullPath(mounts.Database))!;
        args.AddRange(["--bind", databaseFolder, databaseFolder]);
        args.AddRange(["--tmpfs", mounts.AgentFolder]);
        if (IsUnder(databaseFolder, mounts.AgentFolder))
        {
            // a rehearsal copy lives in its own folder inside the agent's: only that folder comes back
            args.AddRange(["--bind", databaseFolder, databaseFolder]);
        }

        // What it runs, read-only, last so nothing above covers it.
        var runtime = Path.GetDirectoryName(ResolveLinks(dotnet))!;
        args.AddRange(["--ro-bind", runtime, runtime]);
        if (!string.Equals(ResolveLinks(dotnet), dotnet, StringComparison.Ordinal))
        {
            var host = Path.GetDirectoryName(dotnet)!;
            args.AddRange(["--ro-bind", host, host]);
        }

        var workerFolder = Path.GetDirectoryName(Path.GetFullPath(worker))!;
        args.AddRange(["--ro-bind", workerFolder, workerFolder]);
        args.AddRange(["--ro-bind", mounts.PackageFolder, mounts.PackageFolder]);
        args.AddRange(["--chdir", "/tmp"]);
        return args;
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static string ResolveLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private static SandboxStatus TryRun(string bwrap)
    {
        var info = new ProcessStartInfo(bwrap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--ro-bind", "/", "/", "--die-with-parent", "--unshare-pid", "--unshare-net", "--new-session", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--", "/bin/true" })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                return new SandboxStatus(false, null, $"bubblewrap ({bwrap}) did not start a process within 20 s");
            }

            return process.ExitCode == 0
                ? new SandboxStatus(true, bwrap, $"bubblewrap ({bwrap})")
                : new SandboxStatus(false, null, $"bubblewrap ({bwrap}) cannot set up the sandbox here: {stderr.Result.Trim()} (exit code {process.ExitCode})");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new SandboxStatus(false, null, $"bubblewrap ({bwrap}) cannot be started: {ex.Message}");
        }
    }

    internal static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>Whether the worker sandbox can be set up, with which bubblewrap, and in words (what is missing, when it cannot).</summary>
internal sealed record SandboxStatus(bool Available, string? Bubblewrap, string Description);

/// <summary>What one worker is given: the database to change and the extracted package; and the agent's folder it must not see.</summary>
internal sealed record SandboxMounts(string Database, string PackageFolder, string AgentFolder);
