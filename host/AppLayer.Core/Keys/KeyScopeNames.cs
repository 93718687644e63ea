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

    /// <exception cref="UserException">The name is not a scope.</exception>
    public static KeyScope Parse(string name) => KebabNames.Parse<KeyScope>(name ?? string.Empty, "Key scope");
}
