using System.Diagnostics;
using AppLayer.Core;
using AppLayer.Protocol;

namespace AppLayer.Cli.Demo;

/// <summary>Finds the sample update packages, packing the sample plugins when none are built yet.</summary>
internal static class DemoPackages
{
    public static readonly string[] Samples = ["Cz.Vat2024", "Cz.MinimumWage2025"];

    public static async Task<IReadOnlyList<string>> LocateAsync(string? folder, string workFolder, TextWriter log, CancellationToken cancellationToken)
    {
        if (folder is not null)
        {
            return Pick(folder) ?? throw new UserException($"no sample packages ({string.Join(", ", Samples)}) in '{folder}'; run ./build.sh pack.");
        }

        var root = FindRepoRoot();
        if (root is not null && Pick(Path.Combine(root, "artifacts", "packages")) is { } built)
        {
            return built;
        }

        if (root is null)
        {
            throw new UserException("sample packages not found: pass --packages DIR (./build.sh pack writes artifacts/packages).");
        }

        var output = Path.Combine(workFolder, "packages");
        foreach (var sample in Samples)
        {
            log.WriteLine($"packing {sample} ...");
            await PackAsync(Path.Combine(root, "plugins", "samples", sample, sample + ".csproj"), output, cancellationToken);
        }

        return Pick(output) ?? throw new UserException("packing the samples produced no packages.");
    }

    private static List<string>? Pick(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var found = Samples
            .Select(id => Directory.GetFiles(folder, id + ".*.nupkg").Where(f => !f.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase)).OrderDescending().FirstOrDefault())
            .ToList();
        return found.All(f => f is not null) ? found.Select(f => f!).ToList() : null;
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static async Task PackAsync(string project, string output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "pack", project, "-c", "Release", "-o", output, "--nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new UserException("cannot start 'dotnet pack'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new UserException($"dotnet pack {Path.GetFileName(project)} failed:\n{await stdout}{await stderr}");
        }
    }
}
