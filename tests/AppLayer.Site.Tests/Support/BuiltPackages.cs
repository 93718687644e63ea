using System.Diagnostics;
using System.Text;

namespace AppLayer.Site.Tests.Support;

/// <summary>
/// The real plugin projects, compiled and packed once per test run by <c>dotnet pack</c> into a
/// temporary folder (never referenced as projects): the fixtures that misbehave (throw, fail verify, hang, exit, leak, escape the transaction, damage the file, leave processes behind, overwrite the agent's files, leak native memory, reach for the live database while rehearsed, look for the site key), the one that rewrites many rows, and the two samples.
/// </summary>
public sealed class BuiltPackages : IAsyncLifetime
{
    public const string Collection = "built packages";

    private static readonly string[] Projects =
    [
        "tests/fixtures/Throwing.Update/Throwing.Update.csproj",
        "tests/fixtures/FailingVerify.Update/FailingVerify.Update.csproj",
        "tests/fixtures/Hanging.Update/Hanging.Update.csproj",
        "tests/fixtures/Exiting.Update/Exiting.Update.csproj",
        "tests/fixtures/Leaking.Update/Leaking.Update.csproj",
        "tests/fixtures/Rewrite.Update/Rewrite.Update.csproj",
        "tests/fixtures/Escaping.Update/Escaping.Update.csproj",
        "tests/fixtures/Corrupting.Update/Corrupting.Update.csproj",
        "tests/fixtures/Detaching.Update/Detaching.Update.csproj",
        "tests/fixtures/Trampling.Update/Trampling.Update.csproj",
        "tests/fixtures/NativeLeaking.Update/NativeLeaking.Update.csproj",
        "tests/fixtures/Reaching.Update/Reaching.Update.csproj",
        "tests/fixtures/Prying.Update/Prying.Update.csproj",
        "plugins/samples/Cz.Vat2024/Cz.Vat2024.csproj",
        "plugins/samples/Cz.MinimumWage2025/Cz.MinimumWage2025.csproj",
    ];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("applayer-packages-");

    public string Throwing => Package("Throwing.Update");

    public string FailingVerify => Package("FailingVerify.Update");

    public string Hanging => Package("Hanging.Update");

    public string Exiting => Package("Exiting.Update");

    public string Leaking => Package("Leaking.Update");

    public string Rewrite => Package("Rewrite.Update");

    public string Escaping => Package("Escaping.Update");

    public string Corrupting => Package("Corrupting.Update");

    public string Detaching => Package("Detaching.Update");

    public string Trampling => Package("Trampling.Update");

    public string NativeLeaking => Package("NativeLeaking.Update");

    public string Reaching => Package("Reaching.Update");

    public string Prying => Package("Prying.Update");

    public string Vat2024 => Package("Cz.Vat2024");

    public string MinimumWage2025 => Package("Cz.MinimumWage2025");

    /// <summary>A fresh folder for a test's own files, removed with the rest.</summary>
    public string NewFolder() => Directory.CreateDirectory(Path.Combine(_work.FullName, "t-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        var solution = Path.Combine(_work.FullName, "fixtures.slnx");
        await File.WriteAllTextAsync(solution, "<Solution>\n" + string.Concat(Projects.Select(p => $"  <Project Path=\"{Path.Combine(root, p)}\" />\n")) + "</Solution>\n");
        await DotnetAsync(["pack", solution, "-c", "Release", "--artifacts-path", Path.Combine(_work.FullName, "artifacts"), "--disable-build-servers", "-nodeReuse:false", "--nologo"], TimeSpan.FromMinutes(8));
    }

    public Task DisposeAsync()
    {
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // temporary; the OS cleans it
        }

        return Task.CompletedTask;
    }

    private string Package(string id)
    {
        var folder = Path.Combine(_work.FullName, "artifacts", "package", "release");
        return Directory.GetFiles(folder, id + ".*.nupkg").Single(f => Path.GetFileName(f).StartsWith(id + ".1", StringComparison.Ordinal));
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository (AppLayer.sln) above " + AppContext.BaseDirectory);
    }

    private static async Task DotnetAsync(string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild's environment; a child build must find its own.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var output = new StringBuilder();
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
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
        }
    }
}

[CollectionDefinition(BuiltPackages.Collection)]
public sealed class BuiltPackagesCollection : ICollectionFixture<BuiltPackages>;
