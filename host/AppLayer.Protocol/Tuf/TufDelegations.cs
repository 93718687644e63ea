using System.Text;
using System.Text.RegularExpressions;

namespace AppLayer.Protocol.Tuf;

/// <summary>
/// Per-customer delegated targets roles: a bespoke package of customer <c>novak</c> is signed in the
/// role <c>customer-novak</c> (<c>/tuf/customer-novak.json</c>) at the target path
/// <c>customer-novak/{id}/{version}/{id}.{version}.nupkg</c>, which the top-level targets delegate
/// with the single path pattern <c>customer-novak/*/*/*</c>. So <c>targets.json</c>, which every
/// site reads, names customers but none of their packages.
/// </summary>
public static partial class TufDelegations
{
    public const string RolePrefix = "customer-";

    /// <summary>The role that signs <paramref name="customer"/>'s bespoke packages.</summary>
    public static string RoleFor(string customer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        var lower = customer.ToLowerInvariant();

        // A customer code is [a-z0-9][a-z0-9._-]*; anything else (never a real customer) is hex, so a role name is always a safe file name.
        return RolePrefix + (SafeCode().IsMatch(lower) ? lower : "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(customer)));
    }

    public static bool IsRoleName(string? name) =>
        name is not null && name.StartsWith(RolePrefix, StringComparison.Ordinal) && SafeCode().IsMatch(name[RolePrefix.Length..]);

    /// <summary>The metadata file of a delegated role: <c>{role}.json</c>.</summary>
    public static string FileName(string role) => role + ".json";

    /// <summary>The one path pattern a customer's role is trusted for.</summary>
    public static string PathPattern(string role) => role + "/*/*/*";

    /// <summary>A bespoke package's target path, relative to the flat container like every target path.</summary>
    public static string TargetPath(string role, string id, string normalizedVersion)
    {
        return $"{role}/{TufTargetPaths.For(id, normalizedVersion)}";
    }

    /// <summary>
    /// TUF path pattern matching: the same number of <c>/</c>-separated parts, each matched with
    /// shell wildcards (<c>*</c>, <c>?</c>) that never cross a <c>/</c>, as python-tuf does.
    /// </summary>
    public static bool Matches(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        var patternParts = pattern.Split('/');
        var pathParts = path.Split('/');
        return patternParts.Length == pathParts.Length && patternParts.Zip(pathParts).All(p => Glob(p.First, p.Second));
    }

    private static bool Glob(string pattern, string text)
    {
        var regex = "^" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$";
        return Regex.IsMatch(text, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeCode();
}
