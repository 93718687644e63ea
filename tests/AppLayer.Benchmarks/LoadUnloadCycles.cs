using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using AppLayer.Sdk;
using AppLayer.Site.Plugins;

namespace AppLayer.Benchmarks;

/// <summary>Loads Rewrite.Update into its own context and unloads it, many times: every context must be collected.</summary>
internal static class LoadUnloadCycles
{
    public static void Run(string rewrite, int cycles, string work, TextWriter output)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "unpacked")).FullName;
        ZipFile.ExtractToDirectory(rewrite, folder);
        var manifest = UpdateManifest.Parse(File.ReadAllText(Path.Combine(folder, UpdateManifest.FileName)));
        for (var i = 0; i < 20; i++)
        {
            LoadOnce(folder, manifest); // warm-up: the agent's own first-use costs are not growth
        }

        Collect();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingBefore = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        var contexts = new List<WeakReference>(cycles);
        for (var i = 0; i < cycles; i++)
        {
            contexts.Add(LoadOnce(folder, manifest));
        }

        var elapsed = watch.Elapsed;
        Collect();
        var alive = contexts.Count(c => c.IsAlive);
        var managedGrowth = (GC.GetTotalMemory(forceFullCollection: true) - managedBefore) / 1024.0 / 1024.0;
        var workingGrowth = (Process.GetCurrentProcess().WorkingSet64 - workingBefore) / 1024.0 / 1024.0;
        output.WriteLine($"- Load/unload {cycles:N0} plugin cycles ({elapsed.TotalMilliseconds / cycles:0.0} ms each): {cycles - alive:N0} of {cycles:N0} contexts collected, managed heap growth **{managedGrowth:0.0} MB**, working set growth {workingGrowth:0.0} MB (target ≤ 20 MB)");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadOnce(string folder, UpdateManifest manifest)
    {
        using var loaded = LoadedUpdate.Load(folder, manifest);
        _ = loaded.Update.GetType().FullName;
        return loaded.LoadContext;
    }

    private static void Collect()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
