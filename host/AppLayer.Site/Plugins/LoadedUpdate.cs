using System.Reflection;
using AppLayer.Sdk;
using McMaster.NETCore.Plugins;
using NuGet.Frameworks;

namespace AppLayer.Site.Plugins;

/// <summary>
/// An update plugin loaded from an extracted package into its own unloadable load context. Only the
/// Sdk's types are shared with the agent, so the plugin and the agent agree on <see cref="IUpdate"/>.
/// </summary>
internal sealed class LoadedUpdate : IDisposable
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IUpdate),
        typeof(IReversibleUpdate),
        typeof(IUpdateContext),
        typeof(IUpdateLog),
        typeof(StepResult),
        typeof(InstallationFacts),
        typeof(UpdateManifest),
        typeof(UpdateContextExtensions),
    ];

    private static readonly NuGetFramework Agent = NuGetFramework.Parse("net10.0");

    private readonly PluginLoader _loader;

    private LoadedUpdate(PluginLoader loader, IUpdate update)
    {
        _loader = loader;
        Update = update;
    }

    public IUpdate Update { get; }

    /// <summary>The plugin's load context, weakly: it is collected once the update is disposed and unused.</summary>
    public WeakReference LoadContext => new(_loader.LoadDefaultAssembly() is { } assembly ? System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly) : null);

    /// <exception cref="ManifestException">The entry assembly is missing or does not hold exactly one public update.</exception>
    public static LoadedUpdate Load(string packageFolder, UpdateManifest manifest)
    {
        var dll = FindEntryAssembly(packageFolder, manifest);
        var loader = PluginLoader.CreateFromAssemblyFile(dll, SharedTypes, config => config.IsUnloadable = true);
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var type = FindUpdateType(assembly, Path.GetFileName(dll));
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ManifestException($"{type.FullName} in {Path.GetFileName(dll)} needs a public constructor without parameters.");
            }

            return new LoadedUpdate(loader, (IUpdate)Activator.CreateInstance(type)!);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    public void Dispose() => _loader.Dispose();

    private static Type FindUpdateType(Assembly assembly, string dllName)
    {
        var updates = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUpdate).IsAssignableFrom(t))
            .ToList();
        return updates.Count switch
        {
            1 => updates[0],
            0 => throw new ManifestException($"{dllName} has no public class implementing {nameof(IUpdate)}."),
            _ => throw new ManifestException($"{dllName} has {updates.Count} public classes implementing {nameof(IUpdate)} ({string.Join(", ", updates.Select(t => t.FullName))}); exactly one is needed."),
        };
    }

    private static string FindEntryAssembly(string packageFolder, UpdateManifest manifest)
    {
        var name = manifest.EntryAssembly ?? manifest.Id + ".dll";
        if (name != Path.GetFileName(name) || !name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new ManifestException($"{UpdateManifest.FileName}: entryAssembly '{name}' must be a file name ending in .dll.");
        }

        var lib = Path.Combine(packageFolder, "lib");
        var folders = Directory.Exists(lib)
            ? Directory.GetDirectories(lib).GroupBy(d => NuGetFramework.ParseFolder(Path.GetFileName(d))).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First())
            : [];
        var nearest = new FrameworkReducer().GetNearest(Agent, folders.Keys.Where(f => !f.IsUnsupported))
            ?? throw new ManifestException($"the package has no lib/ folder for {Agent.GetShortFolderName()} or an older .NET.");
        var dll = Path.Combine(folders[nearest], name);
        return File.Exists(dll)
            ? dll
            : throw new ManifestException($"the package has no lib/{Path.GetFileName(folders[nearest])}/{name} (the manifest's entry assembly).");
    }
}
