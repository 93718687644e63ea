using System.Net;
using System.Text.Json;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace AppLayer.Host.Tests.Feed;

/// <summary>Registration and search metadata come from the nuspec, as on nuget.org; the update manifest only adds to it.</summary>
public static class RegistrationMetadataTests
{
    private static void Nuspec(PackageBuilder builder)
    {
        builder.Authors.Clear();
        builder.Authors.Add("Jana Nováková");
        builder.Authors.Add("Supplier s.r.o.");
        builder.Description = "VAT rates from 2024, from the nuspec.";
        builder.Summary = "Nuspec summary.";
        builder.Tags.Add("vat");
        builder.Tags.Add("tax");
        builder.ProjectUrl = new Uri("https://example.test/vat");
        builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.Parse("net10.0"), [new PackageDependency("Cz.Base", VersionRange.Parse("1.0.0"))]));
    }

    public sealed class RegistrationIndex : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Takes_authors_description_summary_and_tags_from_the_nuspec_and_adds_the_kind_as_a_tag()
        {
            using var pushed = await Manager.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson(), Nuspec));
            pushed.StatusCode.ShouldBe(HttpStatusCode.Created);

            var entry = await CatalogEntryAsync("cz.vat2024");

            entry.GetProperty("authors").GetString().ShouldBe("Jana Nováková,Supplier s.r.o.");
            entry.GetProperty("description").GetString().ShouldBe("VAT rates from 2024, from the nuspec.");
            entry.GetProperty("summary").GetString().ShouldBe("Nuspec summary.");
            entry.GetProperty("title").GetString().ShouldBe("Title of Cz.Vat2024");
            Strings(entry.GetProperty("tags")).ShouldBe(["vat", "tax", "Legislative"]);
            entry.GetProperty("projectUrl").GetString().ShouldBe("https://example.test/vat");
            var group = entry.GetProperty("dependencyGroups").EnumerateArray().ShouldHaveSingleItem();
            group.GetProperty("targetFramework").GetString().ShouldBe("net10.0");
            var dependency = group.GetProperty("dependencies").EnumerateArray().ShouldHaveSingleItem();
            (dependency.GetProperty("id").GetString(), dependency.GetProperty("range").GetString()).ShouldBe(("Cz.Base", "[1.0.0, )"));
        }

        [Fact]
        public async Task Of_a_kit_package_carries_only_its_nuspec_tags()
        {
            using var pushed = await Manager.PushAsync(TestPackages.Build("AppLayer.Templates", "0.1.0", manifestJson: null, b => b.Tags.Add("applayer")));
            pushed.StatusCode.ShouldBe(HttpStatusCode.Created);

            var entry = await CatalogEntryAsync("applayer.templates");

            Strings(entry.GetProperty("tags")).ShouldBe(["applayer"]);
            entry.GetProperty("authors").GetString().ShouldBe("AppLayer tests");
            entry.GetProperty("description").GetString().ShouldBe("A package built by the host tests.");
        }

        [Fact]
        public async Task Is_answered_from_memory_until_a_push_or_an_unlist_changes_it()
        {
            var uri = new Uri("/v3/registration/cz.vat2024/index.json", UriKind.Relative);
            (await Manager.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var first = await GetAsync(uri);
            var again = await GetAsync(uri);
            again.ShouldBe(first, "unchanged, the same bytes and ETag");

            (await Manager.PushAsync(TestPackages.Build("Cz.Vat2024", "1.1.0", TestPackages.Manifest("Cz.Vat2024", "1.1.0").ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var pushed = await GetAsync(uri);
            pushed.ETag.ShouldNotBe(first.ETag);
            Versions(pushed.Body).ShouldBe(["1.0.0 listed", "1.1.0 listed"]);

            (await Manager.DeleteAsync(new Uri("/api/v2/package/Cz.Vat2024/1.1.0", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            var unlisted = await GetAsync(uri);
            Versions(unlisted.Body).ShouldBe(["1.0.0 listed", "1.1.0 unlisted"]);

            using var conditional = new HttpRequestMessage(HttpMethod.Get, uri);
            conditional.Headers.TryAddWithoutValidation("If-None-Match", unlisted.ETag);
            using var notModified = await Manager.SendAsync(conditional);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        private async Task<(string ETag, string Body)> GetAsync(Uri uri)
        {
            using var response = await Manager.GetAsync(uri);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (response.Headers.ETag!.Tag, await response.Content.ReadAsStringAsync());
        }

        private static string[] Versions(string index)
        {
            using var document = JsonDocument.Parse(index);
            return [.. document.RootElement.GetProperty("items")[0].GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("catalogEntry"))
                .Select(e => $"{e.GetProperty("version").GetString()} {(e.GetProperty("listed").GetBoolean() ? "listed" : "unlisted")}")];
        }

        private async Task<JsonElement> CatalogEntryAsync(string id)
        {
            using var index = JsonDocument.Parse(await Manager.GetStringAsync(new Uri($"/v3/registration/{id}/index.json", UriKind.Relative)));
            return index.RootElement.GetProperty("items")[0].GetProperty("items")[0].GetProperty("catalogEntry").Clone();
        }
    }

    public sealed class Search : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Shows_the_nuspec_authors_description_and_tags()
        {
            using var pushed = await Manager.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson(), Nuspec));
            pushed.StatusCode.ShouldBe(HttpStatusCode.Created);

            using var search = JsonDocument.Parse(await Manager.GetStringAsync(new Uri("/v3/search?q=vat", UriKind.Relative)));
            var hit = search.RootElement.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();

            Strings(hit.GetProperty("authors")).ShouldBe(["Jana Nováková", "Supplier s.r.o."]);
            hit.GetProperty("description").GetString().ShouldBe("VAT rates from 2024, from the nuspec.");
            Strings(hit.GetProperty("tags")).ShouldBe(["vat", "tax", "Legislative"]);
        }
    }

    private static string?[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
