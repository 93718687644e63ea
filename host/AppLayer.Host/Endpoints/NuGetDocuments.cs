using System.Globalization;
using System.Text.Json.Nodes;
using AppLayer.Feed.Protocol;
using AppLayer.Core.Tuf;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The JSON of NuGet's registration (index with one inlined page, leaves) and search resources for a
/// feed at <c>baseUrl</c>; the host answers with them and <c>applayer feed export</c> writes them.
/// </summary>
internal static class NuGetDocuments
{
    public static JsonObject RegistrationIndex(string baseUrl, IReadOnlyList<ListedPackage> versions)
    {
        var urls = new Urls(baseUrl, versions[0].Package.Id);
        var page = new JsonObject
        {
            ["@id"] = $"{urls.Index}#page/{Lower(versions[0])}/{Lower(versions[^1])}",
            ["@type"] = "catalog:CatalogPage",
            ["count"] = versions.Count,
            ["lower"] = Lower(versions[0]),
            ["upper"] = Lower(versions[^1]),
            ["parent"] = urls.Index,
            ["items"] = new JsonArray([.. versions.Select(v => (JsonNode)LeafItem(urls, v))]),
        };
        return new JsonObject
        {
            ["@id"] = urls.Index,
            ["@type"] = new JsonArray("catalog:CatalogRoot", "PackageRegistration", "catalog:Permalink"),
            ["count"] = 1,
            ["items"] = new JsonArray(page),
        };
    }

    public static JsonObject RegistrationLeaf(string baseUrl, ListedPackage package)
    {
        var urls = new Urls(baseUrl, package.Package.Id);
        return new JsonObject
        {
            ["@id"] = urls.Leaf(package),
            ["@type"] = new JsonArray("Package", "http://schema.nuget.org/catalog#Permalink"),
            ["catalogEntry"] = urls.Leaf(package) + "#entry",
            ["listed"] = package.Listed,
            ["packageContent"] = urls.Content(package),
            ["published"] = Published(package),
            ["registration"] = urls.Index,
        };
    }

    public static JsonObject Search(string baseUrl, int totalHits, IReadOnlyList<IReadOnlyList<ListedPackage>> page)
    {
        var data = new JsonArray();
        foreach (var versions in page)
        {
            var latest = versions[^1];
            var urls = new Urls(baseUrl, latest.Package.Id);
            data.Add(new JsonObject
            {
                ["@id"] = urls.Index,
                ["@type"] = "Package",
                ["registration"] = urls.Index,
                ["id"] = latest.Package.Id,
                ["version"] = latest.Version.ToNormalizedString(),
                ["title"] = latest.Details.Title,
                ["description"] = latest.Details.Description,
                ["summary"] = latest.Details.Summary,
                ["tags"] = Strings(latest.Details.Tags),
                ["authors"] = Strings(Authors(latest.Details)),
                ["totalDownloads"] = 0,
                ["verified"] = false,
                ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Version.ToNormalizedString(),
                    ["downloads"] = 0,
                    ["@id"] = urls.Leaf(v),
                })]),
            });
        }

        return new JsonObject { ["totalHits"] = totalHits, ["data"] = data };
    }

    private static JsonObject LeafItem(Urls urls, ListedPackage package) => new()
    {
        ["@id"] = urls.Leaf(package),
        ["@type"] = "Package",
        ["commitTimeStamp"] = Published(package),
        ["catalogEntry"] = new JsonObject
        {
            ["@id"] = urls.Leaf(package) + "#entry",
            ["@type"] = "PackageDetails",
            ["id"] = package.Package.Id,
            ["version"] = package.Version.ToNormalizedString(),
            ["title"] = package.Details.Title,
            ["description"] = package.Details.Description,
            ["summary"] = package.Details.Summary,
            ["authors"] = package.Details.Authors,
            ["tags"] = Strings(package.Details.Tags),
            ["projectUrl"] = package.Details.ProjectUrl,
            ["licenseUrl"] = package.Details.LicenseUrl,
            ["iconUrl"] = package.Details.IconUrl,
            ["listed"] = package.Listed,
            ["published"] = Published(package),
            ["packageContent"] = urls.Content(package),
            ["dependencyGroups"] = DependencyGroups(urls, package),
        },
        ["packageContent"] = urls.Content(package),
        ["registration"] = urls.Index,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static IEnumerable<string> Authors(PackageDetails details) =>
        details.Authors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JsonArray DependencyGroups(Urls urls, ListedPackage package) => new([.. package.Details.DependencyGroups.Select(group =>
    {
        var framework = group.TargetFramework.IsAny ? null : group.TargetFramework.GetShortFolderName();
        var node = new JsonObject
        {
            ["@id"] = $"{urls.Leaf(package)}#dependencygroup{(framework is null ? string.Empty : "/" + framework.ToLowerInvariant())}",
            ["@type"] = "PackageDependencyGroup",
        };
        if (framework is not null)
        {
            node["targetFramework"] = framework;
        }

        node["dependencies"] = new JsonArray([.. group.Packages.Select(d => (JsonNode)new JsonObject
        {
            ["@type"] = "PackageDependency",
            ["id"] = d.Id,
            ["range"] = d.VersionRange.ToNormalizedString(),
            ["registration"] = urls.IndexOf(d.Id),
        })]);
        return (JsonNode)node;
    })]);

    // NuGet marks unlisted packages with the 1900 publish date, as nuget.org does.
    private static string Published(ListedPackage package) =>
        (package.Listed ? package.Package.PublishedAt : new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture);

    private static string Lower(ListedPackage package) => package.Version.ToNormalizedString().ToLowerInvariant();

    private sealed class Urls(string baseUrl, string id)
    {
        private readonly string _base = baseUrl.TrimEnd('/');
        private readonly string _id = id.ToLowerInvariant();

        public string Index => $"{_base}/v3/registration/{_id}/index.json";

        public string IndexOf(string id) => $"{_base}/v3/registration/{id.ToLowerInvariant()}/index.json";

        public string Leaf(ListedPackage package) => $"{_base}/v3/registration/{_id}/{Lower(package)}.json";

        public string Content(ListedPackage package) => $"{_base}/v3/flatcontainer/{TufTargetPaths.For(package.Package.Id, package.Version.ToNormalizedString())}";
    }
}
