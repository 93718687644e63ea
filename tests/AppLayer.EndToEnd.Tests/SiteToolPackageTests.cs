using System.IO.Compression;
using System.Text.Json;

namespace AppLayer.EndToEnd.Tests;

/// <summary>What a customer site installs: the packed site-agent tool holds the agent and nothing of the host.</summary>
public sealed class SiteToolPackageTests
{
    /// <summary>ASP.NET Core and mail: the web host's frameworks and libraries, which a site never loads.</summary>
    private static readonly string[] WebAndMail = ["Microsoft.AspNetCore.", "MailKit", "MimeKit"];

    /// <summary>Assemblies of the web host and its dependencies, which a site never needs.</summary>
    private static readonly string[] HostOnly = ["AppLayer.Host", "AppLayer.Feed", "AppLayer.Storage", "AppLayer.GitHub", "AppLayer.Changelog", "Microsoft.AspNetCore.", "MailKit", "MimeKit", "Octokit", "Scriban"];

    public sealed class Entries
    {
        [Fact]
        public async Task Hold_the_agent_and_its_worker_but_no_assembly_of_the_host()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            var names = package.Entries.Select(e => Path.GetFileName(e.FullName)).ToList();

            names.ShouldContain("applayer.dll");
            names.ShouldContain("applayer-worker.dll");
            names.ShouldContain("AppLayer.Site.dll");
            names.ShouldContain("DotnetToolSettings.xml");
            foreach (var prefix in HostOnly)
            {
                names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"the site tool must not ship {prefix}*");
            }
        }

        [Fact]
        public async Task Hold_the_protocol_but_not_the_host_domain_core()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            var names = package.Entries.Select(e => Path.GetFileName(e.FullName)).ToList();

            names.ShouldContain("AppLayer.Protocol.dll");
            names.ShouldContain("AppLayer.Sdk.dll");
            names.ShouldNotContain(n => string.Equals(n, "AppLayer.Core.dll", StringComparison.OrdinalIgnoreCase), "the site agent references Protocol and Sdk, not the host's Core");
        }

        [Fact]
        public async Task Hold_no_asp_net_core_or_mail_assembly()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            var assemblies = package.Entries.Select(e => Path.GetFileName(e.FullName)).Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();

            assemblies.Where(n => WebAndMail.Any(prefix => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .ShouldBeEmpty("the site tool must not ship ASP.NET Core or mail assemblies");
        }

        [Fact]
        public async Task Name_no_core_asp_net_core_or_mail_dependency_in_its_deps_file()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            using var reader = new StreamReader(package.Entries.Single(e => e.Name == "applayer.deps.json").Open());
            var deps = await reader.ReadToEndAsync();

            foreach (var name in WebAndMail.Append("AppLayer.Core"))
            {
                deps.ShouldNotContain(name, Case.Insensitive, $"applayer.deps.json must not name {name}");
            }
        }

        [Fact]
        public async Task Hold_the_demo_is_for_site_init_demo_only_not_as_part_of_the_agent_or_its_worker()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            using var deps = await DepsAsync(package, "applayer.deps.json");
            using var workerDeps = await DepsAsync(package, "applayer-worker.deps.json");

            package.Entries.Select(e => e.Name).ShouldContain("AppLayer.DemoIs.dll");
            DependenciesOf(deps, "AppLayer.Site.Commands").ShouldContain("AppLayer.DemoIs", "`site init-demo` creates a demo IS database");
            DependenciesOf(deps, "AppLayer.Site").ShouldNotContain("AppLayer.DemoIs", "the site agent works on any IS database; the demo IS is no part of it");
            Libraries(workerDeps).Select(l => l.Name).ShouldNotContain(n => n.StartsWith("AppLayer.DemoIs/", StringComparison.Ordinal), "the process updates run in has no demo IS");
        }

        [Fact]
        public async Task Name_the_command_applayer()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            using var reader = new StreamReader(package.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());

            (await reader.ReadToEndAsync()).ShouldContain("<Command Name=\"applayer\" EntryPoint=\"applayer.dll\"");
        }

        private static async Task<JsonDocument> DepsAsync(ZipArchive package, string name)
        {
            await using var stream = package.Entries.Single(e => e.Name == name).Open();
            return await JsonDocument.ParseAsync(stream);
        }

        /// <summary>The libraries of the deps file's one target, each named <c>id/version</c>.</summary>
        private static List<JsonProperty> Libraries(JsonDocument deps) =>
            deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject().ToList();

        /// <summary>The ids the library <paramref name="id"/> depends on directly.</summary>
        private static List<string> DependenciesOf(JsonDocument deps, string id) =>
            Libraries(deps).Single(l => l.Name.StartsWith(id + "/", StringComparison.Ordinal)).Value.TryGetProperty("dependencies", out var dependencies)
                ? dependencies.EnumerateObject().Select(d => d.Name).ToList()
                : [];
    }

    public sealed class RuntimeConfig
    {
        [Fact]
        public async Task Needs_only_the_plain_dotnet_runtime_not_asp_net_core()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            await using var stream = package.Entries.Single(e => e.Name == "applayer.runtimeconfig.json").Open();
            using var config = await JsonDocument.ParseAsync(stream);
            var options = config.RootElement.GetProperty("runtimeOptions");
            var frameworks = options.TryGetProperty("frameworks", out var many)
                ? many.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList()
                : [options.GetProperty("framework").GetProperty("name").GetString()];

            frameworks.ShouldBe(["Microsoft.NETCore.App"]);
        }
    }
}
