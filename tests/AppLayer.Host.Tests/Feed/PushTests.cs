using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Feed;

public static class PushTests
{
    public sealed class PutPackage : IAsyncLifetime
    {
        private readonly HostFactory _host = new();
        private HttpClient _publisher = null!;

        public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

        public async Task DisposeAsync()
        {
            _publisher.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task Stores_a_valid_update_package_and_the_flat_container_serves_it_back()
        {
            var package = TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting");

            using var response = await _publisher.PushAsync(package);

            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldBe("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg");
            var pushed = await response.ReadAsync<AvailableUpdateDto>();
            pushed.Id.ShouldBe("Cz.Vat2024");
            pushed.Kind.ShouldBe("Legislative");
            pushed.Sha512.ShouldBe(Convert.ToBase64String(SHA512.HashData(package)));
            pushed.Size.ShouldBe(package.Length);

            using var versions = JsonDocument.Parse(await _publisher.GetStringAsync(new Uri("/v3/flatcontainer/cz.vat2024/index.json", UriKind.Relative)));
            versions.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["1.0.0"]);
            (await _publisher.GetByteArrayAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg", UriKind.Relative))).ShouldBe(package);
            (await _publisher.GetStringAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.nuspec", UriKind.Relative))).ShouldContain("<id>Cz.Vat2024</id>");
            _host.PackageFiles().ShouldBe(
                [Path.Combine("cz.vat2024", "1.0.0", "cz.vat2024.1.0.0.nupkg"), Path.Combine("cz.vat2024", "1.0.0", "cz.vat2024.nuspec")],
                ignoreOrder: true);
        }

        [Fact]
        public async Task Lists_the_pushed_package_with_its_manifest_in_the_packages_api()
        {
            (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"))).EnsureSuccessStatusCode();

            var packages = await _publisher.GetJsonAsync<AvailableUpdateDto[]>("/api/packages");

            var only = packages.ShouldHaveSingleItem();
            only.Title.ShouldBe("Title of Cz.Vat2024");
            only.LegalReferences.ShouldBe(["Act No. 349/2023 Coll."]);
            only.EffectiveDate.ShouldBe(new DateOnly(2024, 1, 1));
        }

        [Fact]
        public async Task Accepts_the_package_as_a_raw_body_too()
        {
            using var content = new ByteArrayContent(TestPackages.Update("Cz.Raw", "2.1.0"));

            using var response = await _publisher.PutAsync(new Uri("/api/v2/package", UriKind.Relative), content);

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await _host.CountAsync("packages")).ShouldBe(1);
        }

        [Fact]
        public async Task Refuses_a_file_that_is_not_a_zip_with_400_and_stores_nothing()
        {
            using var response = await _publisher.PushAsync("this is not a zip"u8.ToArray());

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("not a zip");
            (await _host.CountAsync("packages")).ShouldBe(0);
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task Refuses_an_empty_upload()
        {
            using var response = await _publisher.PushAsync([]);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("empty");
        }

        [Fact]
        public async Task Refuses_a_zip_without_a_nuspec()
        {
            using var response = await _publisher.PushAsync(TestPackages.Zip(("applayer.update.json", "{}"u8.ToArray())));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("not a valid NuGet package");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task Refuses_a_nuget_package_without_the_update_manifest()
        {
            using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Plain", "1.0.0", manifestJson: null));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("no applayer.update.json");
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task Refuses_a_manifest_that_names_another_id()
        {
            var manifest = TestPackages.Manifest("Cz.Other", "1.0.0").ToJson();

            using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", manifest));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe(
                "applayer.update.json names id 'Cz.Other' but the nuspec names 'Cz.Vat2024'.");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task Refuses_a_manifest_that_names_another_version()
        {
            var manifest = TestPackages.Manifest("Cz.Vat2024", "1.0.1").ToJson();

            using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", manifest));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("version '1.0.1'");
        }

        [Fact]
        public async Task Refuses_a_manifest_that_breaks_a_rule_with_the_rule_in_the_title()
        {
            var manifest = (TestPackages.Manifest("Cz.Vat2024", "1.0.0") with { LegalReferences = [] }).ToJson();

            using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", manifest));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("legal references");
        }

        [Theory]
        [InlineData("../evil.txt", "'..'")]
        [InlineData("lib/../../evil.txt", "'..'")]
        [InlineData("/etc/evil", "absolute")]
        [InlineData("C:/evil.dll", "absolute")]
        [InlineData("lib\\evil.dll", "backslash")]
        [InlineData("lib/CON.txt", "device name")]
        public async Task Refuses_an_entry_that_could_escape_or_misbehave_on_extraction(string entry, string reason)
        {
            var package = TestPackages.WithEntry(TestPackages.Update("Cz.Vat2024", "1.0.0"), entry);

            using var response = await _publisher.PushAsync(package);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(reason);
            (await _host.CountAsync("packages")).ShouldBe(0);
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task Answers_409_to_the_same_id_and_version_and_keeps_the_first_package()
        {
            var first = TestPackages.Update("Cz.Vat2024", "1.0.0");
            (await _publisher.PushAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Created);
            var second = TestPackages.Build("cz.vat2024", "1.0", (TestPackages.Manifest("cz.vat2024", "1.0") with { Title = "Another" }).ToJson());

            using var response = await _publisher.PushAsync(second);

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldContain("in the feed already");
            (await _host.CountAsync("packages")).ShouldBe(1);
            (await _publisher.GetByteArrayAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg", UriKind.Relative))).ShouldBe(first);
        }

        [Fact]
        public async Task Lets_concurrent_pushes_of_different_packages_all_succeed()
        {
            var packages = Enumerable.Range(0, 12).Select(i => TestPackages.Update($"Cz.Parallel{i}", $"1.{i}.0")).ToList();

            var statuses = await Task.WhenAll(packages.Select(async p =>
            {
                using var response = await _publisher.PushAsync(p);
                return response.StatusCode;
            }));

            statuses.ShouldAllBe(s => s == HttpStatusCode.Created);
            (await _host.CountAsync("packages")).ShouldBe(12);
            _host.PackageFiles().Count(f => f.EndsWith(".nupkg", StringComparison.Ordinal)).ShouldBe(12);
        }

        [Fact]
        public async Task Lets_only_one_of_two_concurrent_pushes_of_the_same_version_in()
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            {
                var package = TestPackages.Build("Cz.Race", "1.0.0", (TestPackages.Manifest("Cz.Race", "1.0.0") with { Title = $"Try {i}" }).ToJson());
                using var response = await _publisher.PushAsync(package);
                return response.StatusCode;
            }));

            statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
            statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(5);
            _host.PackageFiles().Count.ShouldBe(2);
        }
    }

    public sealed class PutPackage_with_limits : IAsyncLifetime
    {
        private readonly HostFactory _host = new(("AppLayer:MaxPackageBytes", "20000"), ("AppLayer:MaxUncompressedBytes", "200000"));
        private HttpClient _publisher = null!;

        public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

        public async Task DisposeAsync()
        {
            _publisher.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task Refuses_a_package_over_the_size_limit()
        {
            var noise = RandomNumberGenerator.GetBytes(30_000);

            using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Big", "1.0.0", TestPackages.Manifest("Cz.Big", "1.0.0").ToJson(), ("content/noise.bin", noise)));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("larger than");
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task Refuses_a_small_package_that_unpacks_to_too_much()
        {
            var zeros = new byte[1_000_000];
            var package = TestPackages.Build("Cz.Bomb", "1.0.0", TestPackages.Manifest("Cz.Bomb", "1.0.0").ToJson(), ("content/zeros.bin", zeros));
            package.Length.ShouldBeLessThan(20_000);

            using var response = await _publisher.PushAsync(package);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("unpacks to more than");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task Still_accepts_a_package_within_the_limits()
        {
            using var response = await _publisher.PushAsync(TestPackages.Update("Cz.Small", "1.0.0"));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }
}
