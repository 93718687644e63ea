using System.Diagnostics;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet</c> CLI for the feed tests and returns its exit code and output.</summary>
internal static class DotnetCli
{
    /// <summary>The repository root (the folder holding AppLayer.sln) above the test output.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("AppLayer.sln not found above the test output.");
        }

        return dir.FullName;
    }

    /// <summary>The build configuration the tests were built in (Debug or Release), to pack in the same one.</summary>
    public static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Loopback ports are reused across test runs: NuGet's HTTP cache would serve another
        // server's service index for the same URL, so each call gets a cache of its own.
        start.Environment["NUGET_HTTP_CACHE_PATH"] = Directory.CreateTempSubdirectory("applayer-nuget-http-").FullName;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
