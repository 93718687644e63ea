using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AppLayer.Site.Tests.Crash;

/// <summary>
/// The crash test: runs <c>applayer site apply --no-rehearsal</c> (so every kill lands on the real apply) on a copy of a <see cref="CrashSite"/> and kills
/// (SIGKILL) the agent, its worker, or both at a random moment; then the database must pass
/// <c>PRAGMA integrity_check</c>, be exactly the old or the new state with history and outbox
/// agreeing, and the next run must complete.
/// </summary>
public sealed class CrashDrill
{
    private readonly CrashSite _template;
    private readonly int _rows;
    private readonly string _applayerDll;
    private readonly string _work;
    private readonly Random _random;

    public CrashDrill(CrashSite template, int rows, string applayerDll, string work, int seed)
    {
        _template = template;
        _rows = rows;
        _applayerDll = applayerDll;
        _work = work;
        _random = new Random(seed);
    }

    public async Task<CrashReport> RunAsync(int kills, TextWriter log)
    {
        // One uninterrupted run first: how long an apply takes, so kills land all over it.
        // Twice, and the quicker one counts: the first start of a process is slower than the rest.
        var duration = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var calibration = _template.CopyTo(Path.Combine(_work, "calibration" + i.ToString(CultureInfo.InvariantCulture)));
            var watch = Stopwatch.StartNew();
            await CompleteAsync(calibration, "calibration");
            duration = watch.Elapsed < duration ? watch.Elapsed : duration;
        }

        await log.WriteLineAsync($"one apply of {_rows:N0} rows takes {duration.TotalMilliseconds:0} ms (agent and worker start included)");

        var report = new CrashReport(duration);
        for (var i = 0; i < kills; i++)
        {
            var site = _template.CopyTo(Path.Combine(_work, "k" + i.ToString(CultureInfo.InvariantCulture)));
            var delay = TimeSpan.FromMilliseconds(_random.NextDouble() * duration.TotalMilliseconds);
            var target = (KillTarget)_random.Next(3);
            var finishedFirst = await KillAsync(site, delay, target);
            var state = await site.InspectAsync(_rows);
            if (!state.IsExact)
            {
                throw new InvalidOperationException($"kill {i} ({target} after {delay.TotalMilliseconds:0} ms): {state.Description}");
            }

            await CompleteAsync(site, $"the run after kill {i}");
            report.Count(state.IsNew, finishedFirst, target);
            Directory.Delete(Path.GetDirectoryName(site.Database)!, recursive: true);
        }

        return report;
    }

    private async Task CompleteAsync(CrashSite site, string what)
    {
        using var process = Start(site);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var state = await site.InspectAsync(_rows);
        if (process.ExitCode != 0 || !state.IsNew)
        {
            throw new InvalidOperationException($"{what} did not complete: exit {process.ExitCode}, state {state.Description}\n{await output}\n{await error}");
        }
    }

    /// <returns>True when the run had finished before the kill.</returns>
    private async Task<bool> KillAsync(CrashSite site, TimeSpan delay, KillTarget target)
    {
        using var agent = Start(site);
        _ = agent.StandardOutput.ReadToEndAsync();
        _ = agent.StandardError.ReadToEndAsync();
        using var exited = new CancellationTokenSource(delay);
        try
        {
            await agent.WaitForExitAsync(exited.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            // still running: kill now
        }

        var workers = ChildrenOf(agent.Id);
        if (target != KillTarget.Worker)
        {
            SigKill(agent.Id);
        }

        if (target != KillTarget.Agent)
        {
            workers.ForEach(SigKill);
        }

        await agent.WaitForExitAsync();
        foreach (var worker in workers)
        {
            // A worker whose agent was killed notices its closed stdin and ends itself.
            await WaitGoneAsync(worker);
        }

        return false;
    }

    private Process Start(CrashSite site)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { _applayerDll, "site", "apply", "--db", site.Database, "--no-report", "--no-rehearsal" })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("cannot start applayer");
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // gone meanwhile
            }
        }

        return children;
    }

    private static void SigKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static async Task WaitGoneAsync(int pid)
    {
        for (var i = 0; i < 400 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++)
        {
            await Task.Delay(25);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}

/// <summary>Which process the drill kills.</summary>
public enum KillTarget
{
    /// <summary>The agent only: its worker must notice and end without committing more than it had.</summary>
    Agent,

    /// <summary>The worker only: the agent must record the failure.</summary>
    Worker,

    /// <summary>Both.</summary>
    Both,
}
