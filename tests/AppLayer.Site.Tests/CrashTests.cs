using AppLayer.Site.Tests.Crash;
using AppLayer.Site.Tests.Support;
using Xunit.Abstractions;

namespace AppLayer.Site.Tests;

/// <summary>
/// kill -9 of the agent and its worker at random moments while Rewrite.Update rewrites every row of
/// crash_rows (the full count, 200 kills of a 1M-row update, runs in <c>./build.sh bench</c>).
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class CrashTests(BuiltPackages packages, ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int Rows = 100_000;

    [Fact]
    public async Task Every_kill_leaves_the_old_or_the_new_state_and_the_next_run_completes()
    {
        var work = packages.NewFolder();
        var template = await CrashSite.CreateAsync(Directory.CreateDirectory(Path.Combine(work, "template")).FullName, packages.Rewrite, Rows);
        var log = new StringWriter();
        var drill = new CrashDrill(template, Rows, Path.Combine(AppContext.BaseDirectory, "applayer.dll"), work, seed: Environment.TickCount);

        var report = await drill.RunAsync(Kills, log);

        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());
        report.Kills.ShouldBe(Kills);
        report.OldState.ShouldBeGreaterThan(0, "some kills must land before the commit, or the test proves nothing");
    }
}
