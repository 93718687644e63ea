using AppLayer.Protocol.Packages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppLayer.Site;

/// <summary>How a <see cref="SiteAgent"/> talks to the world.</summary>
public sealed class SiteAgentOptions
{
    /// <summary>The clock for applied-at and report times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where progress lines go (<c>applied ...</c>, <c>FAILED ...</c>).</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Where each step's structured log lines go (<see cref="SiteLog"/>); none by default.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>How long one call to the host's site API may take.</summary>
    public TimeSpan HostTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How long one signed metadata file may take to arrive (slow-retrieval guard).</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one package download may take (slow-retrieval guard).</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>How long one update's worker process may run before it is killed (nothing it did is kept).</summary>
    public TimeSpan WorkerTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The worker's managed heap limit; a plugin that leaks past it fails, the agent does not.</summary>
    public long WorkerMemoryLimitBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Run update plugins even where the worker sandbox (bubblewrap) cannot be set up: a plugin could then change the
    /// agent's own files beside the database and leave processes behind. Off unless the operator says so
    /// (<c>--allow-unsandboxed</c>, or <c>APPLAYER_ALLOW_UNSANDBOXED=1</c> in the environment).
    /// </summary>
    public bool AllowUnsandboxed { get; init; } = Environment.GetEnvironmentVariable("APPLAYER_ALLOW_UNSANDBOXED") is "1" or "true";

    /// <summary>The bubblewrap executable for the worker sandbox; by default <c>bwrap</c> on the PATH.</summary>
    public string? BubblewrapPath { get; init; }

    /// <summary>The worker (<c>applayer-worker.dll</c>); by default the one beside the agent.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>What a package may hold before it is extracted; the host checks pushes against the same set (docs/api.md).</summary>
    public PackageLimits PackageLimits { get; init; } = PackageLimits.Default;

    /// <summary>Rehearse each update on a copy of the IS database (SQLite backup API) before the real apply.</summary>
    public bool Rehearse { get; init; } = true;

    /// <summary>Keep a snapshot of the IS database before each update, for <c>site rollback</c> of one without a down step (taken by the agent before the worker starts, so no plugin can reach it).</summary>
    public bool Snapshots { get; init; } = true;

    /// <summary>
    /// Free bytes on the volume of a folder; by default what the OS reports for the file system that holds
    /// the folder (on Unix the folder itself is asked, so a database on its own mount is measured there, not on <c>/</c>).
    /// </summary>
    public Func<string, long> FreeDiskSpace { get; init; } = folder =>
        new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(Path.GetFullPath(folder))! : Path.GetFullPath(folder)).AvailableFreeSpace;

    /// <summary>Told before each update's rehearsal and apply, and at the end (progress bars).</summary>
    public IProgress<ApplyProgress>? Progress { get; init; }

    /// <summary>Waits between tries of one report while the host cannot be reached (one try more than waits).</summary>
    public IReadOnlyList<TimeSpan> ReportRetryDelays { get; init; } = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];
}
