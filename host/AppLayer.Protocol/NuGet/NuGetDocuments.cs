using System.Globalization;
using System.Text.Json.Nodes;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Protocol.NuGet;

/// <summary>
/// The JSON of NuGet's registration (index with one inlined page, leaves) and search resources for a
/// feed at <c>baseUrl</c>; the host answers with them and <c>applayer feed export</c> writes them.
/// </summary>
public static class NuGetDocuments
{
    public static JsonObject RegistrationIndex(string baseUrl, IReadOnlyList<NuGetPackage> versions)
    {
        var urls = new Urls(baseUrl, versions[0].Id);
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

    public static JsonObject RegistrationLeaf(string baseUrl, NuGetPackage package)
    {
        var urls = new Urls(baseUrl, package.Id);
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

    public static JsonObject Search(string baseUrl, int totalHits, IReadOnlyList<IReadOnlyList<NuGetPackage>> page)
    {
        var data = new JsonArray();
        foreach (var versions in page)
        {
            var latest = versions[^1];
            var urls = new Urls(baseUrl, latest.Id);
            data.Add(new JsonObject
            {
                ["@id"] = urls.Index,
                ["@type"] = "Package",
                ["registration"] = urls.Index,
                ["id"] = latest.Id,
                ["version"] = latest.Version,
                ["title"] = latest.Title,
                ["description"] = latest.Description,
                ["summary"] = latest.Summary,
                ["tags"] = Strings(latest.Tags),
                ["authors"] = Strings(Authors(latest)),
                ["totalDownloads"] = 0,
                ["verified"] = false,
                ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Version,
                    ["downloads"] = 0,
                    ["@id"] = urls.Leaf(v),
                })]),
            });
        }

        return new JsonObject { ["totalHits"] = totalHits, ["data"] = data };
    }

    private static JsonObject LeafItem(Urls urls, NuGetPackage package) => new()
    {
        ["@id"] = urls.Leaf(package),
        ["@type"] = "Package",
        ["commitTimeStamp"] = Published(package),
        ["catalogEntry"] = new JsonObject
        {
            ["@id"] = urls.Leaf(package) + "#entry",
            ["@type"] = "PackageDetails",
            ["id"] = package.Id,
            ["version"] = package.Version,
            ["title"] = package.Title,
            ["description"] = package.Description,
            ["summary"] = package.Summary,
            ["authors"] = package.Authors,
            ["tags"] = Strings(package.Tags),
            ["projectUrl"] = package.ProjectUrl,
            ["licenseUrl"] = package.LicenseUrl,
            ["iconUrl"] = package.IconUrl,
            ["listed"] = package.Listed,
            ["published"] = Published(package),
            ["packageContent"] = urls.Content(package),
            ["dependencyGroups"] = DependencyGroups(urls, package),
        },
        ["packageContent"] = urls.Content(package),
        ["registration"] = urls.Index,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static IEnumerable<string> Authors(NuGetPackage package) =>
        package.Authors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JsonArray DependencyGroups(Urls urls, NuGetPackage package) => new([.. package.DependencyGroups.Select(group =>
    {
        var framework = group.TargetFramework;
        var node = new JsonObject
        {
            ["@id"] = $"{urls.Leaf(package)}#dependencygroup{(framework is null ? string.Empty : "/" + framework.ToLowerInvariant())}",
            ["@type"] = "PackageDependencyGroup",
        };
        if (framework is not null)
        {
            node["targetFramework"] = framework;
        }

        node["dependencies"] = new JsonArray([.. group.Dependencies.Select(d => (JsonNode)new JsonObject
        {
            ["@type"] = "PackageDependency",
            ["id"] = d.Id,
            ["range"] = d.Range,
            ["registration"] = urls.IndexOf(d.Id),
        })]);
        return (JsonNode)node;
    })]);

    // NuGet marks unlisted packages with the 1900 publish date, as nuget.org does.
    private static string Published(NuGetPackage package) =>
        (package.Listed ? package.PublishedAt : new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture);

    private static string Lower(NuGetPackage package) => package.Version.ToLowerInvariant();

    private sealed class Urls(string baseUrl, string id)
    {
        private readonly string _base = baseUrl.TrimEnd('/');
        private readonly string _id = id.ToLowerInvariant();

        public string Index => $"{_base}/v3/registration/{_id}/index.json";

        public string IndexOf(string id) => $"{_base}/v3/registration/{id.ToLowerInvariant()}/index.json";

        public string Leaf(NuGetPackage package) => $"{_base}/v3/registration/{_id}/{Lower(package)}.json";

        public string Content(NuGetPackage package) => $"{_base}/v3/flatcontainer/{TufTargetPaths.For(package.Id, package.Version)}";
    }
}
