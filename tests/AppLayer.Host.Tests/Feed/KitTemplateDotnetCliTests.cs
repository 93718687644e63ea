using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AppLayer.Changelog;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Feed;

/// <summary>
/// The plugin authors' templates from the feed, with the real dotnet CLI: AppLayer.Sdk and AppLayer.Templates pushed
/// with <c>dotnet nuget push</c>, <c>dotnet new install AppLayer.Templates</c> from the feed into a throw-away template
/// hive, <c>dotnet new applayer-update</c>, then build, test, the changelog check and a push of the new plugin.
/// </summary>
public sealed class KitTemplateDotnetCliTests : IAsyncLifetime
{
    // A version no file in the repository names: only the pack-time substitution can put it into the generated
    // project, and only the host's feed serves AppLayer.Sdk at it.
    private const string KitVersion = "2.3.4";

    private KitFeedHost _kit = null!;

    private string Hive => Path.Combine(_kit.Root, "template-hive");

    public async Task InitializeAsync() => _kit = await KitFeedHost.StartAsync("applayer-templates-");

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Templates_installed_from_the_feed_make_a_plugin_that_builds_passes_its_tests_and_its_changelog_check_and_that_the_feed_accepts()
    {
        var repo = DotnetCli.RepoRoot();
        var packed = Path.Combine(_kit.Root, "packed");
        var packSdk = await _kit.DotnetAsync(repo, "pack", Path.Combine(repo, "plugins", "AppLayer.Sdk"), "--no-build", "-c", DotnetCli.Configuration(), "-o", packed, $"-p:Version={KitVersion}");
        var packTemplates = await _kit.DotnetAsync(repo, "pack", Path.Combine(repo, "plugins", "AppLayer.Templates"), "-c", DotnetCli.Configuration(), "-o", packed, $"-p:Version={KitVersion}");
        packSdk.ExitCode.ShouldBe(0, packSdk.Output);
        packTemplates.ExitCode.ShouldBe(0, packTemplates.Output);
        await WriteNuGetConfigAsync();

        foreach (var id in new[] { "AppLayer.Sdk", "AppLayer.Templates" })
        {
            var push = await _kit.DotnetAsync(_kit.Root, "nuget", "push", Path.Combine(packed, $"{id}.{KitVersion}.nupkg"), "--source", "applayer", "--api-key", _kit.PublishKey);
            push.ExitCode.ShouldBe(0, push.Output);
        }

        // The host is plain HTTP on loopback: dotnet new searches such a source only with --force. The credentials
        // come from the NuGet.Config in the working folder; the hive keeps the user's own templates untouched.
        var install = await _kit.DotnetAsync(_kit.Root, "new", "install", "AppLayer.Templates", "--nuget-source", _kit.Feed.AbsoluteUri, "--force", "--debug:custom-hive", Hive);
        install.ExitCode.ShouldBe(0, install.Output);
        install.Output.ShouldContain($"AppLayer.Templates@{KitVersion}");
        install.Output.ShouldContain("applayer-update");

        var generated = Path.Combine(_kit.Root, "authors", "Cz.Something");
        var create = await _kit.DotnetAsync(_kit.Root, "new", "applayer-update", "-n", "Cz.Something", "-o", generated, "--no-update-check", "--debug:custom-hive", Hive);
        create.ExitCode.ShouldBe(0, create.Output);
        foreach (var file in new[]
        {
            "Cz.Something.slnx", "Directory.Build.props", "Directory.Packages.props", "plugins/Cz.Something/Cz.Something.csproj",
            "plugins/Cz.Something/applayer.update.json", "plugins/Cz.Something/SampleUpdate.cs",
            "plugins/Cz.Something.Tests/Cz.Something.Tests.csproj", "changelog/unreleased/Cz.Something.md",
        })
        {
            File.Exists(Path.Combine(generated, file)).ShouldBeTrue(file);
        }

        (await File.ReadAllTextAsync(Path.Combine(generated, "Directory.Packages.props"))).ShouldContain($"""<PackageVersion Include="AppLayer.Sdk" Version="{KitVersion}" />""");

        var build = await _kit.DotnetAsync(generated, "build");
        build.ExitCode.ShouldBe(0, build.Output);
        build.Output.ShouldContain(" 0 Warning(s)");
        var test = await _kit.DotnetAsync(generated, "test", "--no-build");
        test.ExitCode.ShouldBe(0, test.Output);
        Regex.Match(test.Output, @"Failed:\s+(\d+), Passed:\s+(\d+)").Groups.Values.Skip(1).Select(g => g.Value).ShouldBe(["0", "4"], test.Output);

        // What `applayer changelog check` runs, on the generated tree: the fragment parses and names the plugin.
        var changelog = new ChangelogFolder(generated);
        ChangelogChecker.Check(changelog).ShouldBeEmpty();
        var fragment = changelog.ReadUnreleased().ShouldHaveSingleItem();
        var manifest = UpdateManifest.Parse(await File.ReadAllTextAsync(Path.Combine(generated, "plugins", "Cz.Something", UpdateManifest.FileName)));
        fragment.Packages.ShouldBe([manifest.Id]);
        fragment.LegalReferences.ShouldBe(manifest.LegalReferences);

        // The packed plugin passes the feed's push validation (manifest, id and version) and is listed as an update.
        var packPlugin = await _kit.DotnetAsync(generated, "pack", "plugins/Cz.Something", "--no-build", "-c", "Debug", "-o", Path.Combine(_kit.Root, "plugin-packed"));
        packPlugin.ExitCode.ShouldBe(0, packPlugin.Output);
        var pushPlugin = await _kit.DotnetAsync(_kit.Root, "nuget", "push", Path.Combine(_kit.Root, "plugin-packed", "Cz.Something.1.0.0.nupkg"), "--source", "applayer", "--api-key", _kit.PublishKey);
        pushPlugin.ExitCode.ShouldBe(0, pushPlugin.Output);
        (await VersionsAsync("cz.something")).ShouldBe(["1.0.0"]);
        (await VersionsAsync("applayer.templates")).ShouldBe([KitVersion]);
    }

    private async Task<string[]> VersionsAsync(string lowerId)
    {
        using var client = new HttpClient { BaseAddress = _kit.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("plugin-author:" + _kit.ReaderKey)));
        using var versions = JsonDocument.Parse(await client.GetStringAsync(new Uri($"v3/flatcontainer/{lowerId}/index.json", UriKind.Relative)));
        return versions.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    /// <summary>
    /// The host's feed (with a reader key) for AppLayer.*, and the machine's NuGet package folder as a local source for
    /// xunit and the rest, so nothing leaves the machine; restores go to a package folder of this test's own.
    /// </summary>
    private Task<string> WriteNuGetConfigAsync() =>
        _kit.WriteNuGetConfigAsync(Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
}
