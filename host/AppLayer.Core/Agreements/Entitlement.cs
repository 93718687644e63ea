using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Sdk;

namespace AppLayer.Core.Agreements;

/// <summary>
/// Who an update or a legal change concerns (for now): customers whose agreement covers
/// application-layer support, at installations whose modules meet the change's modules
/// (a change without modules concerns every such installation).
/// </summary>
public static class Entitlement
{
    public static bool IsEntitled(Agreement? agreement, Installation installation, UpdateManifest manifest) =>
        agreement is { CoversApplicationLayer: true } && ModulesMeet(manifest.Modules, installation.Modules);

    public static bool Concerns(LegalChange change, Agreement? agreement, IEnumerable<Installation> installations)
    {
        if (agreement is not { CoversApplicationLayer: true })
        {
            return false;
        }

        return change.Modules.Count == 0 || installations.Any(i => ModulesMeet(change.Modules, i.Modules));
    }

    /// <summary>Whether <paramref name="wanted"/> is empty or shares a module with <paramref name="present"/>.</summary>
    public static bool ModulesMeet(IReadOnlyList<string> wanted, IReadOnlyList<string> present) =>
        wanted.Count == 0 || wanted.Intersect(present, StringComparer.OrdinalIgnoreCase).Any();
}
