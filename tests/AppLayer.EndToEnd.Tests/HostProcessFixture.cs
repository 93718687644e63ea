using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// A real <c>applayer serve</c> process on a free loopback port with a fresh data folder,
/// plus a manager key and a publish key made by <c>applayer keys create</c>.
/// </summary>
public sealed partial class HostProcessFixture : IAsyncLifetime
{
    private Process? _serve;

    public string Root { get; } = Directory.CreateTempSubdirectory("applayer-e2e-").FullName;

    public string Url { get; private set; } = string.Empty;

    public string ManagerKey { get; private set; } = string.Empty;

    public string PublishKey { get; private set; } = string.Empty;

    public string DataDirectory => Path.Combine(Root, "host");

    public async Task InitializeAsync()
    {
        ManagerKey = (await CliProcess.ApplayerAsync("keys", "create", "--data", DataDirectory, "--scope", "manager")).ShouldSucceed().Line;
        PublishKey = (await CliProcess.ApplayerAsync("keys", "create", "--data", DataDirectory, "--scope", "publish")).ShouldSucceed().Line;
        _serve = CliProcess.Start("serve", "--data", DataDirectory, "--urls", "http://127.0.0.1:0");
        Url = await ReadListeningUrlAsync(_serve, TimeSpan.FromMinutes(1));
    }

    /// <summary>Runs <c>applayer ARGS --host URL --key MANAGER</c>.</summary>
    public Task<CliProcess.Result> AsManagerAsync(params string[] args) =>
        CliProcess.ApplayerAsync([.. args, "--host", Url, "--key", ManagerKey]);

    public Task DisposeAsync()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            _serve.WaitForExit(10_000);
        }

        _serve?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a process may still hold a file; the temp folder is cleaned by the OS later
        }

        return Task.CompletedTask;
    }

    private static async Task<string> ReadListeningUrlAsync(Process serve, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        while (true)
        {
            var line = await serve.StandardOutput.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException("applayer serve ended before listening:\n" + string.Join('\n', seen) + "\n" + await serve.StandardError.ReadToEndAsync(cancel.Token));
            seen.Add(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                _ = DrainAsync(serve);
                return match.Groups["url"].Value.TrimEnd('/');
            }
        }
    }

    private static async Task DrainAsync(Process serve)
    {
        // keep the pipes empty so the host never blocks on a full buffer
        var stdout = serve.StandardOutput.ReadToEndAsync();
        var stderr = serve.StandardError.ReadToEndAsync();
        await Task.WhenAll(stdout, stderr);
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
