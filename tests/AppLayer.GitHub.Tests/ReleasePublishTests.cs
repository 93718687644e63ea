using System.Net;
using AppLayer.GitHub.Tests.Support;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.GitHub.Tests;

/// <summary><c>applayer release publish-github</c> with Octokit's real HTTP client against the stand-in.</summary>
public sealed class ReleasePublishTests : LoopbackWorld
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var publisher = new HttpClient { BaseAddress = new Uri(HostUrl) };
        publisher.DefaultRequestHeaders.Add("X-NuGet-ApiKey", PublishKey);
        using var response = await publisher.PutAsync(new Uri("api/v2/package", UriKind.Relative), new ByteArrayContent(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting")));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ApplayerAsync("release", "create", "2025.1", "--package", "Cz.Vat2024@1.0.0")).ShouldSucceed();
    }

    private Task<CliResult> PublishAsync(string release = "2025.1") =>
        GitHubVerbAsync("release", "publish-github", "--repo", Repository, "--release", release, "--token", Token);

    [Fact]
    public async Task Creates_a_GitHub_release_with_the_rendered_notes()
    {
        var result = (await PublishAsync()).ShouldSucceed();

        using var manager = Manager();
        var notes = (await manager.GetAsync<List<ReleaseDto>>("api/releases", CancellationToken.None)).Single().Notes;
        var created = GitHub.Releases.ShouldHaveSingleItem();
        (created.Repository, created.TagName, created.Name, created.Draft).ShouldBe((Repository, "2025.1", "2025.1", false));
        created.Body.ShouldBe(notes);
        created.Body.ShouldNotBeNull().ShouldContain("Act No. 349/2023 Coll.");
        result.StdOut.Trim().ShouldBe("GitHub release 2025.1 created in acme/laws: https://github.example/acme/laws/releases/tag/2025.1");
        GitHub.Requests.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/api/v3/repos/acme/laws/releases");
        result.All.ShouldNotContain(Token);
    }

    [Fact]
    public async Task Refuses_to_publish_the_same_release_twice()
    {
        (await PublishAsync()).ShouldSucceed();

        var again = await PublishAsync();

        again.ExitCode.ShouldBe(1);
        again.StdErr.Trim().ShouldBe("error: GitHub refused creating release 2025.1 in acme/laws: it exists already.");
        GitHub.Releases.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Names_a_release_the_host_does_not_have_without_calling_GitHub()
    {
        var result = await PublishAsync("2099.9");

        result.StdErr.Trim().ShouldBe("error: release '2099.9' does not exist on the host.");
        GitHub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Gives_the_reset_time_when_rate_limited()
    {
        GitHub.LimitAfter(0, new DateTimeOffset(2030, 6, 1, 8, 0, 0, TimeSpan.Zero));

        var result = await PublishAsync();

        result.StdErr.Trim().ShouldBe("error: GitHub's rate limit is reached (403) while creating release 2025.1 in acme/laws; it resets at 2030-06-01 08:00:00 UTC. Try again after that.");
        GitHub.Releases.ShouldBeEmpty();
    }

    [Fact]
    public async Task Says_so_when_the_repository_does_not_exist()
    {
        var result = await GitHubVerbAsync("release", "publish-github", "--repo", "acme/nothing", "--release", "2025.1", "--token", Token);

        result.StdErr.Trim().ShouldBe("error: GitHub found nothing (404) while creating release 2025.1 in acme/nothing: the repository does not exist or the token may not read it.");
    }
}
