using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AppLayer.Site.Isolation;

/// <summary>
/// Starts one worker process per update (<c>applayer-worker.dll</c> beside the agent), sends it the
/// request and reads its answer. A worker that does not answer within the timeout is killed with
/// its whole process tree; one that ends without an answer (a crash, <c>Environment.Exit</c>, out of
/// memory) is a failure of that update, never of the agent.
/// </summary>
internal sealed class WorkerLauncher
{
    private const int StderrTail = 2000;

    /// <summary>128 + SIGKILL: what a process ends with when the kernel (or anyone) killed it outright.</summary>
    private const int KilledExitCode = 137;

    /// <summary>How long the agent reads on after the worker ended: whatever still holds its pipes is not waited for.</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    private readonly SiteAgentOptions _options;
    private readonly SitePaths _paths;

    public WorkerLauncher(SiteAgentOptions options, SitePaths paths)
    {
        _options = options;
        _paths = paths;
    }

    /// <summary>
    /// The sandbox every worker runs in, or where it cannot be set up, leave to run without it when the operator
    /// allowed that (<see cref="SiteAgentOptions.AllowUnsandboxed"/>); the decision is logged.
    /// </summary>
    /// <exception cref="AppLayer.Protocol.UserException">No sandbox and not allowed to run without one.</exception>
    public static SandboxStatus RequireSandbox(SiteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sandbox = WorkerSandbox.Probe(options);
        if (sandbox.Available)
        {
            SiteLog.Sandboxed(options.Logger, sandbox.Description, WorkerSandbox.AddressSpaceLimit(options.WorkerMemoryLimitBytes));
            return sandbox;
        }

        if (!options.AllowUnsandboxed)
        {
            SiteLog.SandboxRefused(options.Logger, sandbox.Description);
            throw new AppLayer.Protocol.UserException($"no update plugin was run: {sandbox.Description}, and without the worker sandbox a plugin could change the agent's snapshots, TUF metadata and package cache and leave processes running. Install bubblewrap, or run with --allow-unsandboxed (APPLAYER_ALLOW_UNSANDBOXED=1) to accept the risk.");
        }

        SiteLog.Unsandboxed(options.Logger, sandbox.Description);
        return sandbox;
    }

    /// <summary>
    /// The outcome, or null when the worker ended without giving one (with why in <c>Failure</c>). An apply holds the
    /// database's write lock from before the snapshot (taken here, by the agent) and <paramref name="whileLocked"/>
    /// (the rehearsal) until its transaction ends: the worker begins it, says so, and only then are the snapshot and
    /// the rehearsal made; when <paramref name="whileLocked"/> returns an outcome the worker is let go without running
    /// the plugin and that outcome is the answer.
    /// </summary>
    public async Task<(UpdateOutcome? Outcome, string Failure)> RunAsync(WorkerRequest request, Action<string> onLog, CancellationToken cancellationToken, Func<CancellationToken, Task<UpdateOutcome?>>? whileLocked = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sandbox = RequireSandbox(_options);
        Func<CancellationToken, Task<UpdateOutcome?>>? locked = null;
        if (request.Mode == WorkerMode.Apply)
        {
            var snapshot = request.Snapshot;
            request = request with { Snapshot = null, HoldUntilGo = true };
            var manifest = AppLayer.Sdk.UpdateManifest.Parse(request.Manifest);
            var database = request.Database;
            locked = async ct =>
            {
                SiteLog.Locked(_options.Logger, database, manifest.Id, NuGet.Versioning.NuGetVersion.Parse(manifest.Version).ToNormalizedString());
                if (snapshot is not null && await SnapshotAsync(database, snapshot, ct) is { } full)
                {
                    return full;
                }

                var stop = whileLocked is null ? null : await whileLocked(ct);
                if (stop is not null && snapshot is not null)
                {
                    File.Delete(snapshot); // nothing was applied: no rollback will need it
                }

                return stop;
            };
        }

        return await RunAsync(request, sandbox, new SandboxMounts(request.Database, request.PackageFolder, _paths.Root), onLog, locked, cancellationToken);
    }

    /// <summary>
    /// The snapshot before an update, taken by the agent while the worker holds the lock and before any plugin code
    /// runs, never by the worker: a worker can reach nothing among the snapshots. Stamped with the agent's clock (its
    /// last write time), which snapshot retention reads. An outcome when it did not fit on the disk.
    /// </summary>
    private async Task<UpdateOutcome?> SnapshotAsync(string database, string snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await IsDatabase.BackupAsync(database, snapshot, cancellationToken);
            File.SetLastWriteTimeUtc(snapshot, _options.Clock.GetUtcNow().UtcDateTime);
            return null;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 } or IOException)
        {
            // SQLITE_FULL or a failed write: the copy did not fit beside the database
            File.Delete(snapshot);
            return UpdateOutcome.Failed(UpdateStep.Apply, "the disk that holds the IS database is full (no room for the snapshot before the update); the update was not started and nothing was changed, free some space and run it again");
        }
    }

    private async Task<(UpdateOutcome? Outcome, string Failure)> RunAsync(WorkerRequest request, SandboxStatus sandbox, SandboxMounts mounts, Action<string> onLog, Func<CancellationToken, Task<UpdateOutcome?>>? onLocked, CancellationToken cancellationToken)
    {
        using var parent = WorkerParent.Start(StartInfo(sandbox, mounts)); // bwrap's --die-with-parent watches the thread that started it
        var process = parent.Process;
        var stderr = new StringBuilder();
        var stderrDone = DrainAsync(process.StandardError, stderr);
        UpdateOutcome? outcome = null;
        var locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WorkerTimeout);
        try
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, WorkerJson.Options).AsMemory(), timeout.Token);
            await process.StandardInput.FlushAsync(timeout.Token);
            var reading = ReadAsync(process.StandardOutput, onLog, o => outcome = o, () => locked.TrySetResult(), timeout.Token);
            var exited = process.WaitForExitAsync(timeout.Token);
            if (onLocked is not null && await Task.WhenAny(locked.Task, reading, exited) == locked.Task)
            {
                // The worker holds the write lock: the snapshot and the rehearsal run now, on their own clocks.
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                if (await onLocked(cancellationToken) is { } stopped)
                {
                    process.StandardInput.Close(); // the worker ends itself; its transaction, never used, goes with it
                    if (!process.WaitForExit(PipeGrace * 5))
                    {
                        Kill(process);
                    }

                    Observe(reading);
                    Observe(exited);
                    return (stopped, string.Empty);
                }

                await process.StandardInput.WriteLineAsync(WorkerMessage.Go.AsMemory(), cancellationToken);
                await process.StandardInput.FlushAsync(cancellationToken);
                timeout.CancelAfter(_options.WorkerTimeout);
            }

            var first = await Task.WhenAny(reading, exited);
            await first;
            if (first == reading)
            {
                await exited;
            }
            else
            {
                // The worker ended; a process it left behind may hold its stdout open: read what is there, never wait for it.
                await Task.WhenAny(reading, Task.Delay(PipeGrace, CancellationToken.None));
                Observe(reading);
            }

            process.StandardInput.Close();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            return (null, $"the worker did not finish within {Describe(_options.WorkerTimeout)} and was stopped");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        catch (IOException) when (process.HasExited)
        {
            // the worker died while we wrote to it; described below
        }

        await process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAny(stderrDone, Task.Delay(PipeGrace, CancellationToken.None));
        Observe(stderrDone);
        if (outcome is { Succeeded: false } && outcome.Message == new OutOfMemoryException().Message)
        {
            // native memory past the address-space limit: say so plainly
            return (UpdateOutcome.Failed(outcome.Step, $"out of memory: the worker may use {WorkerSandbox.AddressSpaceLimit(_options.WorkerMemoryLimitBytes) / 1024 / 1024} MiB of address space ({_options.WorkerMemoryLimitBytes / 1024 / 1024} MiB managed heap) ({outcome.Message})"), string.Empty);
        }

        if (outcome is not null)
        {
            return (outcome, string.Empty);
        }

        string tail;
        lock (stderr)
        {
            tail = stderr.ToString().Trim();
        }

        var why = tail.Contains("OutOfMemory", StringComparison.Ordinal) || tail.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
            ? " (out of memory)"
            : process.ExitCode == KilledExitCode
                ? " (killed with SIGKILL, which the agent did not send: most often the kernel's out of memory killer)"
                : string.Empty;
        return (null, $"the worker process ended with exit code {process.ExitCode}{why} before it finished (the plugin crashed or called Environment.Exit)");
    }

    private static async Task ReadAsync(StreamReader reader, Action<string> onLog, Action<UpdateOutcome> onOutcome, Action onLocked, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var message = Parse(line);
            if (message?.Type == WorkerMessage.Log && message.Line is not null)
            {
                onLog(message.Line);
            }
            else if (message?.Type == WorkerMessage.Locked)
            {
                onLocked();
            }
            else if (message?.Type == WorkerMessage.Outcome)
            {
                onOutcome(message.Succeeded ? UpdateOutcome.Committed(message.Message ?? "ok") : UpdateOutcome.Failed(message.Step, message.Message ?? "failed") with { Tampered = message.Tampered });
            }
        }
    }

    private ProcessStartInfo StartInfo(SandboxStatus sandbox, SandboxMounts mounts)
    {
        var worker = _options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, "applayer-worker.dll");
        if (!File.Exists(worker))
        {
            throw new InvalidOperationException($"the worker {worker} is missing; reinstall applayer.");
        }

        var line = WorkerSandbox.CommandLine(sandbox, mounts, DotnetHost(), Path.GetFullPath(worker), _options.WorkerMemoryLimitBytes);
        var info = new ProcessStartInfo(line[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in line.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + _options.WorkerMemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_GCRegionRange"] = "0x" + WorkerSandbox.GcRegionRange(_options.WorkerMemoryLimitBytes).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["MALLOC_ARENA_MAX"] = "2"; // glibc reserves 64 MiB of address space per arena otherwise
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>The <c>dotnet</c> host that runs this agent, so the worker gets the same runtime.</summary>
    internal static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")) })
        {
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, name)))
            {
                return Path.Combine(root, name);
            }
        }

        return name;
    }

    private static WorkerMessage? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkerMessage>(line, WorkerJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder tail)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (tail)
            {
                tail.Append(buffer, 0, read);
                if (tail.Length > StderrTail * 2)
                {
                    tail.Remove(0, tail.Length - StderrTail);
                }
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMinutes:0} min";
}
