using AppLayer.Protocol;
using AppLayer.Sdk;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A feed that cannot verify every listed update (a generic static copy without the customer's delegated
/// role, a mirror one push behind, one package with other bytes): the agent takes what it can verify,
/// applies it, names each skipped update in one line and in the result, reports it once, and exits "partly".
/// </summary>
public sealed class PartialPullTests
{
    [Collection(BuiltPackages.Collection)]
    public sealed class RunAsync(BuiltPackages packages)
    {
        [Fact]
        public async Task Legislative_updates_apply_when_the_feed_does_not_serve_the_customers_delegated_role_and_only_the_bespoke_one_is_skipped()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025, bespokeFor: "novak");
            host.Tuf.Files.TryRemove("customer-novak.json", out _); // as in 'applayer feed export' without --customer
            using var site = await TempSite.EnrolledAsync(host);

            var run = await site.Agent.RunAsync(now: true);

            run.Apply.Applied.ShouldBe(1, site.Output.ToString());
            site.OutputLines.ShouldContain("applied Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.)");
            var skipped = run.Pull.Skipped.ShouldHaveSingleItem();
            (skipped.Id, skipped.Version).ShouldBe(("Cz.MinimumWage2025", "1.0.0"));
            skipped.Reason.ShouldContain("customer-novak.json");
            site.OutputLines.ShouldContain(l => l.StartsWith("SKIPPED Cz.MinimumWage2025 1.0.0: ", StringComparison.Ordinal) && l.Contains("customer-novak.json", StringComparison.Ordinal));
            run.ExitCode.ShouldBe(PullResult.PartlyExitCode);
            host.Reports.ShouldContain(r => r.PackageId == "Cz.MinimumWage2025" && r.Status == "failed" && r.Message.Contains("customer-novak.json", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_bespoke_update_already_applied_is_not_verified_again_so_a_feed_without_the_role_later_is_no_skip()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.MinimumWage2025, bespokeFor: "novak");
            using var site = await TempSite.EnrolledAsync(host);
            (await site.Agent.RunAsync(now: true)).Apply.Applied.ShouldBe(1, site.Output.ToString());
            host.Tuf.Files.TryRemove("customer-novak.json", out _);
            File.Delete(Path.Combine(site.Paths.Trust, "customer-novak.json"));
            host.Publish(packages.Vat2024); // new metadata: a new snapshot version, so the role would be read again

            var run = await site.Agent.RunAsync(now: true);

            run.Pull.ShouldBe(new PullResult(2, 1, 0, 1));
            run.ExitCode.ShouldBe(0);
        }

        [Fact]
        public async Task A_mirror_one_push_behind_the_host_applies_what_it_signs_and_skips_the_rest()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            host.Tuf.ServeVersion(2); // the mirror still serves the metadata from before the second push (1 is the empty feed)
            using var site = await TempSite.EnrolledAsync(host);

            var run = await site.Agent.RunAsync(now: true);

            run.Apply.Applied.ShouldBe(1, site.Output.ToString());
            site.OutputLines.ShouldContain("applied Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.)");
            run.Pull.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("the signed targets metadata has neither cz.minimumwage2025/1.0.0/cz.minimumwage2025.1.0.0.nupkg");
            run.ExitCode.ShouldBe(PullResult.PartlyExitCode);
            site.CachedPackages().ShouldBe(["cz.vat2024.1.0.0.nupkg"]);
        }

        [Fact]
        public async Task One_corrupted_package_among_three_is_named_and_skipped_and_the_other_two_apply()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            host.Publish(packages.Rewrite);
            var bytes = File.ReadAllBytes(packages.Vat2024);
            bytes[^30] ^= 0xFF;
            host.ServeOtherBytes("Cz.Vat2024", "1.0.0", bytes);
            using var site = await TempSite.EnrolledAsync(host);
            site.AddCrashRows(3);

            var run = await site.Agent.RunAsync(now: true);

            run.Apply.Applied.ShouldBe(2, site.Output.ToString());
            site.Rows("SELECT package_id FROM applayer_history ORDER BY package_id").Select(r => r[0]).ShouldBe(["Cz.MinimumWage2025", "Rewrite.Update"]);
            var skipped = run.Pull.Skipped.ShouldHaveSingleItem();
            skipped.Id.ShouldBe("Cz.Vat2024");
            skipped.Reason.ShouldContain("SHA-512");
            site.OutputLines.ShouldContain(l => l.StartsWith("SKIPPED Cz.Vat2024 1.0.0: ", StringComparison.Ordinal));
            site.OutputLines.ShouldContain("pull: 3 listed, 2 downloaded, 0 already cached, 0 already in the IS, 1 SKIPPED (not verified)");
            run.ExitCode.ShouldBe(PullResult.PartlyExitCode);
            host.Reports.Where(r => r.Status == "failed").Select(r => r.PackageId).ShouldBe(["Cz.Vat2024"]);
        }

        [Fact]
        public async Task An_update_whose_dependency_was_skipped_waits_and_is_neither_applied_nor_failed_and_a_skip_is_reported_once()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(PackageFile.WithManifest(packages.MinimumWage2025, packages.NewFolder(), m => m with { Dependencies = [new UpdateDependency("Cz.Vat2024", "1.0.0")] }));
            var bytes = File.ReadAllBytes(packages.Vat2024);
            bytes[^30] ^= 0xFF;
            host.ServeOtherBytes("Cz.Vat2024", "1.0.0", bytes);
            using var site = await TempSite.EnrolledAsync(host);

            var run = await site.Agent.RunAsync(now: true);
            var plan = await site.Agent.PlanAsync();
            var again = await site.Agent.RunAsync(now: true);

            (run.Apply.Applied, run.Apply.Failed, run.Apply.Waiting).ShouldBe((0, 0, 1), site.Output.ToString());
            site.OutputLines.ShouldContain(l => l.StartsWith("waiting Cz.MinimumWage2025 1.0.0: its dependency Cz.Vat2024 could not be verified", StringComparison.Ordinal));
            plan.Items.Select(i => $"{i.Id} {i.Action.ToName()}").ShouldBe(["Cz.MinimumWage2025 wait", "Cz.Vat2024 skipped"]);
            again.Pull.Skipped.ShouldHaveSingleItem().Id.ShouldBe("Cz.Vat2024");
            host.Reports.Select(r => $"{r.PackageId} {r.Status}").ShouldBe(["Cz.Vat2024 failed"]);
        }
    }
}
