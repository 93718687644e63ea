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
        public async Task Name_the_command_applayer()
        {
            using var package = ZipFile.OpenRead(await SiteToolPackage.PathAsync());
            using var reader = new StreamReader(package.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());

            (await reader.ReadToEndAsync()).ShouldContain("<Command Name=\"applayer\" EntryPoint=\"applayer.dll\"");
        }
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
