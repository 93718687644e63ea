using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>What a static server does for the feed's files, the host does too: HEAD, ETags with RFC 9110 comparison, reason phrases; on a real Kestrel.</summary>
public static class ProtocolMannersTests
{
    /// <summary>A host on loopback with one update (Cz.Vat2024 1.0.0) and a manager key.</summary>
    public abstract class OnKestrel : IAsyncLifetime
    {
        private readonly string _root = Directory.CreateTempSubdirectory("applayer-manners-").FullName;
        private RunningHost _host = null!;

        protected HttpClient Client { get; private set; } = null!;

        protected string PublishKey { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var data = Path.Combine(_root, "data");
            PublishKey = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Publish, null, null)).Key;
            var manager = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Manager, null, null)).Key;
            _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = data, Urls = "http://127.0.0.1:0" });
            Client = new HttpClient { BaseAddress = _host.BaseAddress };
            Client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", manager);
            using var pushed = await Client.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"));
            pushed.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _host.DisposeAsync();
            Directory.Delete(_root, recursive: true);
        }

        protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            return await Client.SendAsync(request);
        }
    }

    public sealed class Head : OnKestrel
    {
        [Theory]
        [InlineData("/v3/index.json")]
        [InlineData("/v3/flatcontainer/cz.vat2024/index.json")]
        [InlineData("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg")]
        [InlineData("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.nuspec")]
        [InlineData("/v3/registration/cz.vat2024/index.json")]
        [InlineData("/v3/registration/cz.vat2024/1.0.0.json")]
        [InlineData("/v3/search?q=vat")]
        [InlineData("/tuf/timestamp.json")]
        [InlineData("/tuf/root.json")]
        public async Task Answers_as_GET_does_with_its_headers_and_no_body(string path)
        {
            using var get = await SendAsync(HttpMethod.Get, path);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await SendAsync(HttpMethod.Head, path);

            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
            head.Content.Headers.ContentLength.ShouldBe(body.Length);
            head.Content.Headers.ContentType?.MediaType.ShouldBe(get.Content.Headers.ContentType?.MediaType);
            head.Headers.ETag.ShouldNotBeNull();
            head.Headers.ETag.ShouldBe(get.Headers.ETag);
        }

        [Fact]
        public async Task Of_a_missing_package_is_a_404_like_its_GET()
        {
            using var head = await SendAsync(HttpMethod.Head, "/v3/flatcontainer/cz.nothing/index.json");

            head.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    public sealed class IfNoneMatch : OnKestrel
    {
        public static TheoryData<string> FeedPaths() => new()
        {
            "/v3/index.json",
            "/v3/flatcontainer/cz.vat2024/index.json",
            "/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg",
            "/v3/registration/cz.vat2024/index.json",
            "/v3/search?q=vat",
            "/tuf/timestamp.json",
        };

        [Theory]
        [MemberData(nameof(FeedPaths))]
        public async Task Gives_304_for_the_tag_its_weak_form_a_list_holding_it_and_a_star(string path)
        {
            using var first = await SendAsync(HttpMethod.Get, path);
            var tag = first.Headers.ETag;
            tag.ShouldNotBeNull(path);
            tag.IsWeak.ShouldBeFalse(path);

            foreach (var condition in new[] { tag.Tag, $"W/{tag.Tag}", $"\"nope\", W/{tag.Tag}", "*" })
            {
                using var again = await SendAsync(HttpMethod.Get, path, condition);
                again.StatusCode.ShouldBe(HttpStatusCode.NotModified, $"{path} If-None-Match: {condition}");
                (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
            }

            using var other = await SendAsync(HttpMethod.Get, path, "\"nope\", W/\"neither\"");
            other.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        [Fact]
        public async Task Of_the_versions_index_changes_when_a_version_is_pushed()
        {
            using var first = await SendAsync(HttpMethod.Get, "/v3/flatcontainer/cz.vat2024/index.json");
            using var pushed = await Client.PushAsync(TestPackages.Update("Cz.Vat2024", "1.1.0", "accounting"));
            pushed.StatusCode.ShouldBe(HttpStatusCode.Created);

            using var again = await SendAsync(HttpMethod.Get, "/v3/flatcontainer/cz.vat2024/index.json", first.Headers.ETag!.Tag);

            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await again.Content.ReadAsStringAsync()).ShouldContain("1.1.0");
        }
    }

    public sealed class ReasonPhrase : OnKestrel
    {
        [Fact]
        public async Task Of_a_refused_push_is_the_problem_title()
        {
            using var response = await Client.PushAsync(TestPackages.Build("Cz.NoManifest", "1.0.0", manifestJson: null));

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            title.ShouldContain("no applayer.update.json");
            response.ReasonPhrase.ShouldBe(title);
        }

        [Fact]
        public async Task Keeps_to_printable_ascii_and_one_line()
        {
            using var response = await Client.GetAsync(new Uri("/v3/flatcontainer/cz.žluťoučký/index.json", UriKind.Relative));

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            title.ShouldContain("žluťoučký");
            response.ReasonPhrase.ShouldBe("Package 'cz.zlutoucky' is not in the feed.");
        }
    }
}
