using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The plugin authors' kit (AppLayer.Sdk, AppLayer.* templates, the applayer tool) on the feed without an update manifest.</summary>
public sealed class KitPackageTests : SiteEndpointsTests.WithSite
{
    [Fact]
    public async Task A_kit_package_without_a_manifest_is_stored_once_and_every_key_reads_it_from_the_flat_container()
    {
        var package = TestPackages.Build("AppLayer.Sdk", "0.1.0", manifestJson: null);

        using var pushed = await Publisher.PushAsync(package);
        using var again = await Publisher.PushAsync(package);

        pushed.StatusCode.ShouldBe(HttpStatusCode.Created, await pushed.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        foreach (var reader in new[] { Site, Manager, Publisher })
        {
            using var versions = JsonDocument.Parse(await reader.GetStringAsync(new Uri("/v3/flatcontainer/applayer.sdk/index.json", UriKind.Relative)));
            versions.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["0.1.0"]);
            (await reader.GetByteArrayAsync(new Uri("/v3/flatcontainer/applayer.sdk/0.1.0/applayer.sdk.0.1.0.nupkg", UriKind.Relative))).ShouldBe(package);
        }
    }

    [Theory]
    [InlineData("Cz.Plain")]
    [InlineData("AppLayerSdk")]
    [InlineData("AppLayerX.Tool")]
    public async Task Any_other_id_without_a_manifest_is_still_400_and_nothing_is_stored(string id)
    {
        using var response = await Publisher.PushAsync(TestPackages.Build(id, "1.0.0", manifestJson: null));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.CountAsync("packages")).ShouldBe(0);
        Host.PackageFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_kit_package_is_signed_in_the_targets_as_kit_but_never_offered_to_a_site_as_an_update()
    {
        (await Publisher.PushAsync(TestPackages.Build("applayer", "0.1.0", manifestJson: null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Publisher.PushAsync(TestPackages.Build("AppLayer.Templates", "0.1.0", manifestJson: null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");

        var updates = await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates");
        var targets = JsonNode.Parse(await Site.GetStringAsync(new Uri("/tuf/targets.json", UriKind.Relative)))!["signed"]!["targets"]!.AsObject();

        updates.Select(u => u.Id).ShouldBe(["Cz.Vat2024"]);
        targets.Select(t => $"{t.Key} {t.Value!["custom"]!["kind"]}").ShouldBe(
            [
                "applayer/0.1.0/applayer.0.1.0.nupkg Kit",
                "applayer.templates/0.1.0/applayer.templates.0.1.0.nupkg Kit",
                "cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg Legislative",
            ],
            ignoreOrder: true);
    }
}
