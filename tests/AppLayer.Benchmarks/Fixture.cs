using System.Diagnostics;

namespace AppLayer.Benchmarks;

/// <summary>Packs the Rewrite.Update fixture (a real plugin project) into the benchmark's folder.</summary>
internal static class Fixture
{
    public static async Task<string> PackRewriteAsync(string work)
    {
        var project = Path.Combine(RepoRoot(), "tests", "fixtures", "Rewrite.Update", "Rewrite.Update.csproj");
        var output = Path.Combine(work, "packages");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "pack", project, "-c", "Release", "-o", output, "--nologo", "-nodeReuse:false" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? Path.Combine(output, "Rewrite.Update.1.0.0.nupkg") : throw new InvalidOperationException("dotnet pack failed:\n" + log);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find AppLayer.sln above " + AppContext.BaseDirectory);
    }
}
