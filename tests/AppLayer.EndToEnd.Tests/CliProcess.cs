using System.Diagnostics;
using System.Text;

namespace AppLayer.EndToEnd.Tests;

/// <summary>Runs real processes: the built <c>applayer</c> command and the <c>dotnet</c> CLI.</summary>
public static class CliProcess
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string HttpCache { get; } = Directory.CreateTempSubdirectory("applayer-nuget-http-").FullName;

    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ApplayerDll { get; } =
        Path.Combine(RepoRoot, "host", "AppLayer.Cli", "bin", Configuration, "net10.0", "applayer.dll");

    public static Task<Result> ApplayerAsync(params string[] args) =>
        RunAsync("dotnet", [ApplayerDll, .. args], TimeSpan.FromMinutes(3));

    public static Task<Result> DotnetAsync(params string[] args) =>
        RunAsync("dotnet", args, TimeSpan.FromMinutes(5));

    /// <summary>Starts <c>applayer ARGS</c> and leaves it running; the caller kills it.</summary>
    public static Process Start(params string[] args)
    {
        var info = Info("dotnet", [ApplayerDll, .. args]);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start applayer");
    }

    public static async Task<Result> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        using var process = Process.Start(Info(file, args)) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr, $"{Path.GetFileName(file)} {string.Join(' ', args)}");
    }

    private static ProcessStartInfo Info(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Loopback ports are reused across test runs: NuGet's HTTP cache would serve another
        // server's service index for the same URL, so the tests' NuGet calls share a fresh cache.
        info.Environment["NUGET_HTTP_CACHE_PATH"] = HttpCache;
        info.Environment.Remove("APPLAYER_HOST");
        info.Environment.Remove("APPLAYER_KEY");
        return info;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AppLayer.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed record Result(int ExitCode, string StdOut, string StdErr, string CommandLine)
    {
        /// <summary>Fails the test with the whole output when the process did not exit 0.</summary>
        public Result ShouldSucceed()
        {
            ExitCode.ShouldBe(0, $"{CommandLine}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}");
            return this;
        }

        public string Line => StdOut.Trim();
    }
}
