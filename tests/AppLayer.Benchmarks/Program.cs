using System.Globalization;
using AppLayer.Benchmarks;

// ./build.sh bench [--kills N] [--rows N] [--cycles N] [--tickets N] [--only service-desk]: prints a markdown section for docs/benchmarks.md.
var kills = Arg("--kills", 200);
var tickets = Arg("--tickets", 10_000);
var onlyAt = Array.IndexOf(args, "--only");
var deskOnly = onlyAt >= 0 && onlyAt + 1 < args.Length && args[onlyAt + 1] == "service-desk";
var rows = Arg("--rows", 1_000_000);
var cycles = Arg("--cycles", 1000);
var work = Directory.CreateTempSubdirectory("applayer-bench-");
try
{
    Console.WriteLine($"## {DateTime.UtcNow:yyyy-MM-dd} — `./build.sh bench` ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
    Console.WriteLine();
    await ServiceDeskBench.RunAsync(tickets, work.FullName, Console.Out);
    if (deskOnly)
    {
        return 0;
    }

    var rewrite = await Fixture.PackRewriteAsync(work.FullName);
    await ApplyOverhead.RunAsync(rewrite, rows, work.FullName, Console.Out);
    LoadUnloadCycles.Run(rewrite, cycles, work.FullName, Console.Out);
    await CrashBench.RunAsync(rewrite, rows, kills, work.FullName, Console.Out);
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
