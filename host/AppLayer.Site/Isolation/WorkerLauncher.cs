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

    private readonly SiteAgentOptions _options;

    public WorkerLauncher(SiteAgentOptions options) => _options = options;

    /// <summary>The outcome, or null when the worker ended without giving one (with why in <c>Failure</c>).</summary>
    public async Task<(UpdateOutcome? Outcome, string Failure)> RunAsync(WorkerRequest request, Action<string> onLog, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("cannot start the worker process");
        var stderr = new StringBuilder();
        var stderrDone = DrainAsync(process.StandardError, stderr);
        UpdateOutcome? outcome = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WorkerTimeout);
        try
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, WorkerJson.Options).AsMemory(), timeout.Token);
            await process.StandardInput.FlushAsync(timeout.Token);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var message = Parse(line);
                if (message?.Type == WorkerMessage.Log && message.Line is not null)
                {
                    onLog(message.Line);
                }
                else if (message?.Type == WorkerMessage.Outcome)
                {
                    outcome = message.Succeeded ? UpdateOutcome.Committed(message.Message ?? "ok") : UpdateOutcome.Failed(message.Step, message.Message ?? "failed") with { Tampered = message.Tampered };
                }
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
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
        await stderrDone;
        if (outcome is not null)
        {
            return (outcome, string.Empty);
        }

        var tail = stderr.ToString().Trim();
        var why = tail.Contains("OutOfMemory", StringComparison.Ordinal) ? " (out of memory)" : string.Empty;
        return (null, $"the worker process ended with exit code {process.ExitCode}{why} before it finished (the plugin crashed or called Environment.Exit)");
    }

    private ProcessStartInfo StartInfo()
    {
        var worker = _options.WorkerPath ?? Path.Combine(AppContext.BaseDirectory, "applayer-worker.dll");
        if (!File.Exists(worker))
        {
            throw new InvalidOperationException($"the worker {worker} is missing; reinstall applayer.");
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(worker);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + _options.WorkerMemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

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
            tail.Append(buffer, 0, read);
            if (tail.Length > StderrTail * 2)
            {
                tail.Remove(0, tail.Length - StderrTail);
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
