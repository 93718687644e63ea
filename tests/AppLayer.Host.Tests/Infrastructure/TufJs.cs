using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// tuf-js (npm), an independent TUF client, run with node from <c>tests/tools/tufjs/</c>
/// (<c>npm ci</c> there first when its packages are missing): its Updater refreshes root, timestamp,
/// snapshot and targets over HTTP and downloads targets, checking them as of a given time.
/// </summary>
internal static class TufJs
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(DotnetCli.RepoRoot(), "tests", "tools", "tufjs");

    /// <summary>Verifies the feed at <paramref name="baseAddress"/> (metadata at <c>tuf/</c>, targets at <c>v3/flatcontainer/</c>) as of <paramref name="now"/>.</summary>
    /// <returns>The versions tuf-js trusts afterwards: root, timestamp, snapshot, targets, and how many targets it downloaded.</returns>
    /// <exception cref="TufJsException">tuf-js refused the metadata or a target.</exception>
    public static async Task<JsonObject> VerifyAsync(Uri baseAddress, string rootFile, string? apiKey, DateTimeOffset now, params string[] targets)
    {
        await EnsureInstalledAsync();
        string[] args = ["verify.mjs", "--root", rootFile, "--metadata-url", new Uri(baseAddress, "tuf/").AbsoluteUri, "--targets-url", new Uri(baseAddress, "v3/flatcontainer/").AbsoluteUri, "--now", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)];
        var (code, stdout, stderr) = await RunAsync("node", [.. args, .. targets.SelectMany(t => new[] { "--target", t })], apiKey);
        return code == 0
            ? JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject()
            : throw new TufJsException(stderr.Trim() + stdout.Trim());
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "tuf-js")))
            {
                var (code, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], null);
                code.ShouldBe(0, $"npm ci in {Folder}: {stdout}{stderr}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string program, string[] args, string? apiKey)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The key goes in the environment, not on the command line, as docs/signed-feed.md tells.
        start.Environment["APPLAYER_API_KEY"] = apiKey ?? string.Empty;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>tuf-js refused what it was given (its message).</summary>
internal sealed class TufJsException(string message) : Exception(message);
