using System.Globalization;
using AppLayer.Benchmarks;

// ./build.sh bench [--kills N] [--rows N] [--cycles N]: prints a markdown section for docs/benchmarks.md.
var kills = Arg("--kills", 200);
var rows = Arg("--rows", 1_000_000);
var cycles = Arg("--cycles", 1000);
var work = Directory.CreateTempSubdirectory("applayer-bench-");
try
{
    var rewrite = await Fixture.PackRewriteAsync(work.FullName);
    Console.WriteLine($"## {DateTime.UtcNow:yyyy-MM-dd} — `./build.sh bench` ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
    Console.WriteLine();
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
