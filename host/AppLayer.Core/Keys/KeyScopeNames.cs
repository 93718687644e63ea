using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Protocol;

namespace AppLayer.Core.Keys;

/// <summary>The names of <see cref="KeyScope"/> as they appear in the API, the CLI and the database.</summary>
public static class KeyScopeNames
{
    public const string Publish = "publish";
    public const string Site = "site";
    public const string Manager = "manager";
    public const string Contact = "contact";

    public static string ToName(this KeyScope scope) => scope switch
    {
        KeyScope.Publish => Publish,
        KeyScope.Site => Site,
        KeyScope.Manager => Manager,
        KeyScope.Contact => Contact,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown key scope."),
    };

    /// <exception cref="UserException">The name is not a scope.</exception>
    public static KeyScope Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        Publish => KeyScope.Publish,
        Site => KeyScope.Site,
        Manager => KeyScope.Manager,
        Contact => KeyScope.Contact,
        _ => throw new UserException($"Key scope '{name}' is unknown; use publish, site, manager or contact."),
    };
}
