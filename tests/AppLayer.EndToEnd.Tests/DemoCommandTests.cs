namespace AppLayer.EndToEnd.Tests;

/// <summary><c>applayer demo</c> as a real process, on the sample packages packed by the real dotnet CLI.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Shows_the_compliance_radar_before_and_after_the_sites_apply()
    {
        var root = Directory.CreateTempSubdirectory("applayer-demo-e2e-").FullName;
        try
        {
            var packages = Path.Combine(root, "packages");
            foreach (var plugin in new[] { "Cz.Vat2024", "Cz.MinimumWage2025" })
            {
                var project = Path.Combine(CliProcess.RepoRoot, "plugins", "samples", plugin, plugin + ".csproj");
                (await CliProcess.DotnetAsync("pack", project, "-c", CliProcess.Configuration, "--no-build", "-o", packages)).ShouldSucceed();
            }

            var demo = (await CliProcess.ApplayerAsync("demo", "--packages", packages, "--data", Path.Combine(root, "data"))).ShouldSucceed();

            var output = demo.StdOut;
            var before = output.IndexOf("Compliance radar before the sites apply", StringComparison.Ordinal);
            var sites = output.IndexOf("==> site novak-prod", StringComparison.Ordinal);
            var after = output.IndexOf("Compliance radar after the sites applied", StringComparison.Ordinal);
            before.ShouldBeGreaterThan(0);
            sites.ShouldBeGreaterThan(before);
            after.ShouldBeGreaterThan(sites);
            output[before..sites].ShouldContain("4 exposed, 0 scheduled, 0 applied, 0 not entitled");
            output[after..].ShouldContain("0 exposed, 0 scheduled, 4 applied, 0 not entitled");
            output[after..].ShouldContain("==> legal change Act No. 349/2023 Coll.: deployed");
            output[after..].ShouldContain("==> legal change Government Regulation No. 286/2024 Coll.: deployed");
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans the temp folder later
            }
        }
    }
}
