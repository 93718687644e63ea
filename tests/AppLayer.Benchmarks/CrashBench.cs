using AppLayer.Site.Tests.Crash;

namespace AppLayer.Benchmarks;

/// <summary>The crash test at full count: kill -9 of agent and worker at random moments of a 1M-row rewrite.</summary>
internal static class CrashBench
{
    public static async Task RunAsync(string rewrite, int rows, int kills, string work, TextWriter output)
    {
        var template = await CrashSite.CreateAsync(Directory.CreateDirectory(Path.Combine(work, "crash-template")).FullName, rewrite, rows);
        var log = new StringWriter();
        var drill = new CrashDrill(template, rows, Path.Combine(AppContext.BaseDirectory, "applayer.dll"), work, seed: 20261125);
        var report = await drill.RunAsync(kills, log);
        output.WriteLine($"- Crash test, {rows:N0} rows: {log.ToString().Trim()}; {report}");
    }
}
