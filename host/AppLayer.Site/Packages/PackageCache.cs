using System.Text.Json;
using System.Text.RegularExpressions;
using AppLayer.Protocol.Api;
using NuGet.Versioning;

namespace AppLayer.Site.Packages;

/// <summary>
/// <c>&lt;db&gt;.applayer/packages/</c>: each verified <c>.nupkg</c> beside the host's listing of it
/// (<c>.nupkg.json</c>, written last), so apply can check the bytes again before opening them.
/// </summary>
internal sealed partial class PackageCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _folder;

    public PackageCache(string folder) => _folder = folder;

    /// <summary>A package id that is safe as part of a file name (the manifest's own rule).</summary>
    public static bool IsValidId(string id) => !string.IsNullOrEmpty(id) && IdPattern().IsMatch(id);

    public static string FileName(string id, string version) =>
        IsValidId(id)
            ? $"{id.ToLowerInvariant()}.{NuGetVersion.Parse(version).ToNormalizedString().ToLowerInvariant()}.nupkg"
            : throw new ArgumentException($"'{id}' is not a package id.", nameof(id));

    public string PathOf(AvailableUpdateDto listing) => Path.Combine(_folder, FileName(listing.Id, listing.Version));

    /// <summary>True when this exact listing (same hash) is cached.</summary>
    public bool Contains(AvailableUpdateDto listing)
    {
        var cached = Read(PathOf(listing) + ".json");
        return cached is not null
            && File.Exists(PathOf(listing))
            && string.Equals(cached.Sha512, listing.Sha512, StringComparison.Ordinal)
            && cached.Size == listing.Size;
    }

    /// <summary>Moves a verified download into the cache, then records its listing.</summary>
    public void Add(string verifiedFile, AvailableUpdateDto listing)
    {
        Directory.CreateDirectory(_folder);
        var target = PathOf(listing);
        File.Delete(target + ".json");
        File.Move(verifiedFile, target, overwrite: true);
        var listingFile = target + ".json";
        var temporary = listingFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(listing, Json));
        File.Move(temporary, listingFile, overwrite: true);
    }

    /// <summary>Records the host's latest listing of a cached package (same bytes; e.g. its gate changed, or a hold on it was released).</summary>
    public void Relist(AvailableUpdateDto listing)
    {
        var listingFile = PathOf(listing) + ".json";
        if (Read(listingFile) is { } cached
            && !(string.Equals(cached.Gate, listing.Gate, StringComparison.Ordinal) && string.Equals(cached.ReleasedHold, listing.ReleasedHold, StringComparison.Ordinal)))
        {
            File.WriteAllText(listingFile + ".tmp", JsonSerializer.Serialize(listing, Json));
            File.Move(listingFile + ".tmp", listingFile, overwrite: true);
        }
    }

    public IReadOnlyList<CachedPackage> List()
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var packages = new List<CachedPackage>();
        foreach (var listingFile in Directory.EnumerateFiles(_folder, "*.nupkg.json").Order(StringComparer.Ordinal))
        {
            var package = listingFile[..^".json".Length];
            if (Read(listingFile) is { } listing && File.Exists(package))
            {
                packages.Add(new CachedPackage(listing, package));
            }
        }

        return packages;
    }

    public static void Remove(CachedPackage package)
    {
        File.Delete(package.Path + ".json");
        File.Delete(package.Path);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$")]
    private static partial Regex IdPattern();

    private static AvailableUpdateDto? Read(string listingFile)
    {
        if (!File.Exists(listingFile))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AvailableUpdateDto>(File.ReadAllText(listingFile), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A cached package file with the listing it was verified against.</summary>
internal sealed record CachedPackage(AvailableUpdateDto Listing, string Path);
