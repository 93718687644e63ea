using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>The agent refuses before extraction what the host refuses at push: the same crafted packages as the host tests, the same limits.</summary>
public static class PackageLimitsTests
{
    [Collection(BuiltPackages.Collection)]
    public sealed class ApplyAsync(BuiltPackages packages)
    {
        [Theory]
        [MemberData(nameof(CraftedPackages.Broken), MemberType = typeof(CraftedPackages))]
        public async Task Refuses_a_package_that_breaks_one_limit_in_one_line_and_applies_nothing(string limit)
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(Crafted(limit));
            using var site = await TempSite.EnrolledAsync(host);
            site.PackageLimits = CraftedPackages.Limits;
            await site.Agent.PullAsync();
            var before = site.Dump();

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(1, site.Output.ToString());
            site.OutputLines.ShouldContain(l => l.StartsWith($"FAILED Cz.Vat2024 1.0.0: not applied: cz.vat2024.1.0.0.nupkg is refused by the {limit} limit: ", StringComparison.Ordinal) && l.EndsWith("; nothing was extracted.", StringComparison.Ordinal), site.Output.ToString());
            site.Dump().ShouldBe(before);
        }

        [Fact]
        public async Task Applies_a_package_just_under_every_limit()
        {
            await using var host = await StandInHost.StartAsync();
            var folder = packages.NewFolder();
            var path = Path.Combine(folder, Path.GetFileName(packages.Vat2024));
            await File.WriteAllBytesAsync(path, CraftedPackages.JustUnder(await File.ReadAllBytesAsync(packages.Vat2024)));
            host.Publish(path);
            using var site = await TempSite.EnrolledAsync(host);
            site.PackageLimits = CraftedPackages.Limits;
            await site.Agent.PullAsync();

            var result = await site.Agent.ApplyAsync();

            result.Applied.ShouldBe(1, site.Output.ToString());
        }

        private string Crafted(string limit)
        {
            var path = Path.Combine(packages.NewFolder(), Path.GetFileName(packages.Vat2024));
            File.WriteAllBytes(path, CraftedPackages.Breaking(File.ReadAllBytes(packages.Vat2024), limit));
            return path;
        }
    }
}
