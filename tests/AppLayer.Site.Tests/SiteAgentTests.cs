using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

public sealed class SiteAgentTests
{
    private const string ThrowingMessage = "Throwing.Update gave up on purpose after changing the IS data";
    private const string FailingVerifyMessage = "FailingVerify.Update: salaries are zero after apply; refusing on purpose";

    public sealed class EnrollAsync
    {
        [Fact]
        public async Task Stores_the_host_and_the_installation_in_the_IS_database_and_the_key_beside_it()
        {
            await using var host = await StandInHost.StartAsync();
            using var site = await TempSite.CreateAsync();

            var identity = await site.Agent.EnrollAsync(host.Url, StandInHost.SiteKey);

            identity.Installation.ShouldBe("novak-prod");
            site.Rows("SELECT host, api_key, installation, customer, modules, time_zone FROM applayer_site").Single()
                .ShouldBe([host.Url + "/", string.Empty, "novak-prod", "novak", "accounting,payroll", "Europe/Prague"]);
            File.ReadAllText(Path.Combine(site.Paths.Root, "site.key")).Trim().ShouldBe(StandInHost.SiteKey);
            site.Rows("SELECT name FROM pragma_table_info('applayer_history') ORDER BY cid").Select(r => r[0])
                .ShouldBe(["id", "package_id", "version", "sha512", "kind", "title", "legal_references", "message", "applied_at", "report_id", "reported_at"]);
            site.Output.ToString().ShouldContain("enrolled");
        }

        [Fact]
        public async Task Refuses_a_key_the_host_does_not_know_in_one_line_and_stores_nothing()
        {
            await using var host = await StandInHost.StartAsync();
            using var site = await TempSite.CreateAsync();
            var before = site.Dump();

            var error = await Should.ThrowAsync<UserException>(() => site.Agent.EnrollAsync(host.Url, "al_not-a-key-the-host-knows"));

            error.Message.ShouldContain("401");
            error.Message.ShouldNotContain("\n");
            site.Dump().ShouldBe(before);
        }

        [Fact]
        public async Task Says_which_host_it_cannot_reach()
        {
            using var site = await TempSite.CreateAsync();
            var url = $"http://127.0.0.1:{FreePort()}";

            var error = await Should.ThrowAsync<HostUnreachableException>(() => site.Agent.EnrollAsync(url, StandInHost.SiteKey));

            error.Message.ShouldStartWith($"cannot reach the host at {url}/");
        }

        [Fact]
        public async Task Refuses_a_database_that_does_not_exist_without_creating_it()
        {
            await using var host = await StandInHost.StartAsync();
            var missing = Path.Combine(Path.GetTempPath(), "applayer-missing-" + Guid.NewGuid().ToString("N") + ".db");

            var error = await Should.ThrowAsync<UserException>(() => new SiteAgent(missing, new SiteAgentOptions { Output = TextWriter.Null }).EnrollAsync(host.Url, StandInHost.SiteKey));

            error.Message.ShouldContain("does not exist");
            File.Exists(missing).ShouldBeFalse();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Collection(BuiltPackages.Collection)]
    public sealed class PullAsync(BuiltPackages packages)
    {
        [Fact]
        public async Task Downloads_each_listed_update_through_the_NuGet_feed_with_the_site_key()
        {
            await using var host = await StandInHost.StartAsync();
            var vat = host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            using var site = await TempSite.EnrolledAsync(host);

            var result = await site.Agent.PullAsync();

            result.ShouldBe(new PullResult(2, 2, 0, 0));
            site.CachedPackages().ShouldBe(["cz.minimumwage2025.1.0.0.nupkg", "cz.vat2024.1.0.0.nupkg"]);
            Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(Path.Combine(site.Paths.Packages, "cz.vat2024.1.0.0.nupkg")))).ShouldBe(vat.Sha512);
            host.BasicRequests.ShouldBeGreaterThan(0, "NuGet answers the 401 challenge with the key as Basic credentials");
            site.OutputLines.ShouldContain(l => l.StartsWith("downloaded Cz.Vat2024 1.0.0", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("one byte flipped", false)]
        [InlineData("bytes appended", true)]
        public async Task Refuses_bytes_that_differ_from_the_listing_and_keeps_nothing(string what, bool append)
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            var bytes = File.ReadAllBytes(packages.Vat2024);
            if (append)
            {
                bytes = [.. bytes, 0, 0, 0];
            }
            else
            {
                bytes[^30] ^= 0xFF;
            }

            host.ServeOtherBytes("Cz.Vat2024", "1.0.0", bytes);
            using var site = await TempSite.EnrolledAsync(host);
            var before = site.Dump();

            var pulled = await site.Agent.PullAsync();

            pulled.Skipped.ShouldHaveSingleItem().Reason.ShouldContain(append ? "bytes the signed targets declare; stopped reading" : "SHA-512", customMessage: what);
            site.CachedPackages().ShouldBeEmpty();
            Directory.GetFiles(site.Paths.Root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(site.Paths.Root, f))
                .Where(f => f != "agent.lock" && f != "site.key" && !f.StartsWith("tuf", StringComparison.Ordinal) && !SiteState.SkipFiles.Any(s => f.StartsWith(s, StringComparison.Ordinal))).ShouldBeEmpty();
            Directory.GetFiles(site.Paths.Outbox).ShouldHaveSingleItem(); // the one failure report for the host
            site.Dump().ShouldBe(before);
        }

        [Fact]
        public async Task Refuses_a_database_that_was_never_enrolled()
        {
            using var site = await TempSite.CreateAsync();

            var error = await Should.ThrowAsync<UserException>(() => site.Agent.PullAsync());

            error.Message.ShouldContain("is not enrolled");
            error.Message.ShouldContain("applayer site enroll");
        }
    }

    [Collection(BuiltPackages.Collection)]
    public sealed class ApplyAsync(BuiltPackages packages)
    {
        [Fact]
        public async Task Applies_the_samples_in_effective_date_order_records_their_history_and_reports_them()
        {
            await using var host = await StandInHost.StartAsync();
            var vat = host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            using var site = await TempSite.EnrolledAsync(host);

            var result = await site.Agent.RunAsync();

            result.Apply.ShouldBe(new ApplyResult(2, 0, 0, new ReportResult(2, 0)));
            result.ExitCode.ShouldBe(0);
            site.OutputLines.Where(l => l.StartsWith("applied", StringComparison.Ordinal)).ShouldBe(
            [
                "applied Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.)",
                "applied Cz.MinimumWage2025 1.0.0 (Government Regulation No. 286/2024 Coll. amending Regulation No. 567/2006 Coll.)",
            ]);
            var history = site.Rows("SELECT package_id, version, sha512, kind, legal_references, applied_at, report_id, reported_at FROM applayer_history ORDER BY id");
            history.Select(r => $"{r[0]} {r[1]} {r[3]} {r[4]}").ShouldBe(
            [
                "Cz.Vat2024 1.0.0 Legislative [\"Act No. 349/2023 Coll.\"]",
                "Cz.MinimumWage2025 1.0.0 Legislative [\"Government Regulation No. 286/2024 Coll. amending Regulation No. 567/2006 Coll.\"]",
            ]);
            history[0][2].ShouldBe(vat.Sha512);
            history.ShouldAllBe(r => r[5] == "2024-12-20T09:30:00.0000000+00:00" && r[7] != "NULL");
            host.Reports.Select(r => $"{r.PackageId} {r.Version} {r.Status}").Order(StringComparer.Ordinal).ShouldBe(["Cz.MinimumWage2025 1.0.0 applied", "Cz.Vat2024 1.0.0 applied"]);
            host.Reports.Select(r => r.ReportId).Order(StringComparer.Ordinal).ShouldBe(history.Select(r => r[6]).Order(StringComparer.Ordinal));
            site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12")[0][0].ShouldBe("1");
            site.Rows("SELECT COUNT(*) FROM payroll_warnings WHERE code = 'MIN_WAGE_2025'")[0][0].ShouldBe("2");
            site.Outbox().ShouldBeEmpty();
        }

        [Fact]
        public async Task Logs_each_step_of_a_run_with_its_counts_and_packages()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            using var site = await TempSite.EnrolledAsync(host);
            site.Rehearse = true;

            await site.Agent.RunAsync();

            var log = site.Log;
            log.WithId(4200).ShouldHaveSingleItem()["Installation"].ShouldBe("novak-prod");
            log.WithId(4210).Select(v => v["PackageId"]).ShouldBe(["Cz.Vat2024", "Cz.MinimumWage2025"], ignoreOrder: true);
            var pulled = log.WithId(4201).ShouldHaveSingleItem();
            pulled["Listed"].ShouldBe(2);
            pulled["Downloaded"].ShouldBe(2);
            pulled["Skipped"].ShouldBe(0);
            log.WithId(4215).ShouldHaveSingleItem()["Runnable"].ShouldBe(2);
            log.WithId(4220).ShouldAllBe(r => (bool)r["Succeeded"]!);
            log.WithId(4220).Count.ShouldBe(2);
            log.WithId(4221).Select(a => $"{a["PackageId"]} {a["Version"]}").ShouldBe(["Cz.Vat2024 1.0.0", "Cz.MinimumWage2025 1.0.0"]);
            log.WithId(4222).ShouldBeEmpty();
            var done = log.WithId(4223).ShouldHaveSingleItem();
            done["Applied"].ShouldBe(2);
            done["Failed"].ShouldBe(0);
            var reported = log.WithId(4225).ShouldHaveSingleItem();
            reported["Sent"].ShouldBe(2);
            reported["Pending"].ShouldBe(0);
        }

        [Theory]
        [InlineData("Throwing.Update", "apply failed: " + ThrowingMessage)]
        [InlineData("FailingVerify.Update", "verify failed: " + FailingVerifyMessage)]
        public async Task Leaves_the_IS_database_exactly_as_it_was_when_an_update_fails_and_puts_the_failure_in_the_outbox(string id, string message)
        {
            await using var host = await StandInHost.StartAsync();
            var listing = host.Publish(id == "Throwing.Update" ? packages.Throwing : packages.FailingVerify);
            host.RefuseReports = true;
            using var site = await TempSite.EnrolledAsync(host);
            await site.Agent.PullAsync();
            var (dump, file) = (site.Dump(), site.FileHash());

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(1);
            result.ExitCode.ShouldBe(2);
            site.Dump().ShouldBe(dump);
            site.FileHash().ShouldBe(file);
            site.OutputLines.ShouldContain($"FAILED {id} 1.0.0: {message}");
            var report = site.Outbox().ShouldHaveSingleItem();
            (report.PackageId, report.Version, report.Status, report.Message, report.Sha512).ShouldBe((id, "1.0.0", "failed", message, listing.Sha512));
            Guid.TryParse(report.ReportId, out _).ShouldBeTrue();
            result.Reports.ShouldBe(new ReportResult(0, 1));
        }

        [Fact]
        public async Task Refuses_an_update_made_for_another_IS_version()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            using var site = await TempSite.EnrolledAsync(host, isVersion: "4.9.0");
            await site.Agent.PullAsync();
            var before = site.Dump();

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(1);
            site.OutputLines.ShouldContain("FAILED Cz.Vat2024 1.0.0: not applied: it supports IS versions [5.0,6.0) but this IS is 4.9.0");
            site.Dump().ShouldBe(before);
            host.Reports.ShouldHaveSingleItem().Status.ShouldBe("failed");
        }

        [Fact]
        public async Task Skips_what_is_already_applied_when_run_again_and_changes_nothing()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.MinimumWage2025);
            using var site = await TempSite.EnrolledAsync(host);
            (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(2);
            var before = site.Dump();
            var printed = site.Output.ToString().Length;

            var again = await site.Agent.RunAsync();

            again.Pull.ShouldBe(new PullResult(2, 0, 0, 2));
            again.Apply.ShouldBe(new ApplyResult(0, 0, 2, new ReportResult(0, 0)));
            site.Output.ToString()[printed..].ShouldNotContain("applied Cz.");
            site.Dump().ShouldBe(before);
            host.ReportPosts.ShouldBe(2);
        }

        [Fact]
        public async Task Runs_a_dependency_first_even_when_it_takes_effect_later()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Dependencies = [new("Cz.MinimumWage2025", "1.0.0")] }));
            host.Publish(packages.MinimumWage2025);
            using var site = await TempSite.EnrolledAsync(host);

            var result = await site.Agent.RunAsync();

            result.Apply.Applied.ShouldBe(2);
            site.OutputLines.Where(l => l.StartsWith("applied", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ShouldBe(["Cz.MinimumWage2025", "Cz.Vat2024"]);
            site.Rows("SELECT package_id FROM applayer_history ORDER BY id").Select(r => r[0]).ShouldBe(["Cz.MinimumWage2025", "Cz.Vat2024"]);
        }

        [Fact]
        public async Task Does_not_run_an_update_whose_dependency_failed()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Dependencies = [new("Throwing.Update", "1.0.0")] }));
            host.Publish(packages.Throwing);
            using var site = await TempSite.EnrolledAsync(host);
            await site.Agent.PullAsync();
            var before = site.Dump();

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(2);
            site.OutputLines.ShouldContain("FAILED Cz.Vat2024 1.0.0: not applied: its dependency Throwing.Update failed");
            site.Dump().ShouldBe(before);
        }

        [Fact]
        public async Task Refuses_a_package_with_an_entry_that_climbs_out_of_its_folder()
        {
            await using var host = await StandInHost.StartAsync();
            var escape = $"applayer-escaped-{Guid.NewGuid():N}.txt";
            host.Publish(PackageFile.WithEntry(packages.Vat2024, packages.NewFolder(), "../" + escape, "outside"));
            using var site = await TempSite.EnrolledAsync(host);
            await site.Agent.PullAsync();
            var before = site.Dump();

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(1);
            site.OutputLines.ShouldContain($"FAILED Cz.Vat2024 1.0.0: not applied: cz.vat2024.1.0.0.nupkg has an entry '../{escape}' that would land outside its folder; refused.");
            File.Exists(Path.Combine(Path.GetTempPath(), escape)).ShouldBeFalse();
            site.Dump().ShouldBe(before);
        }

        [Fact]
        public async Task Refuses_a_cached_package_changed_on_disk_before_opening_it()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            using var site = await TempSite.EnrolledAsync(host);
            await site.Agent.PullAsync();
            var cached = Path.Combine(site.Paths.Packages, "cz.vat2024.1.0.0.nupkg");
            var bytes = File.ReadAllBytes(cached);
            bytes[^30] ^= 0xFF;
            File.WriteAllBytes(cached, bytes);
            var before = site.Dump();

            var result = await site.Agent.ApplyAsync();

            result.Failed.ShouldBe(1);
            site.OutputLines.ShouldContain(l => l.StartsWith("FAILED Cz.Vat2024 1.0.0: not applied: cached Cz.Vat2024 1.0.0 has SHA-512", StringComparison.Ordinal));
            site.CachedPackages().ShouldBeEmpty();
            site.Dump().ShouldBe(before);
        }
    }

    [Collection(BuiltPackages.Collection)]
    public sealed class ReportAsync(BuiltPackages packages)
    {
        [Fact]
        public async Task Keeps_results_while_the_host_refuses_them_and_sends_each_once_later()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            host.Publish(packages.Throwing);
            host.RefuseReports = true;
            using var site = await TempSite.EnrolledAsync(host);

            var run = await site.Agent.RunAsync();

            run.Apply.ShouldBe(new ApplyResult(1, 1, 0, new ReportResult(0, 2)));
            var failure = site.Outbox().ShouldHaveSingleItem();
            var applied = site.Rows("SELECT report_id, reported_at FROM applayer_history").ShouldHaveSingleItem();
            applied[1].ShouldBe("NULL");
            host.Reports.ShouldBeEmpty();

            host.RefuseReports = false;
            var sent = await site.Agent.ReportAsync();

            sent.ShouldBe(new ReportResult(2, 0));
            host.Reports.Select(r => r.ReportId).Order(StringComparer.Ordinal).ShouldBe(new[] { failure.ReportId, applied[0] }.Order(StringComparer.Ordinal));
            site.Outbox().ShouldBeEmpty();
            site.Rows("SELECT reported_at FROM applayer_history").Single()[0].ShouldNotBe("NULL");
            var posts = host.ReportPosts;
            (await site.Agent.ReportAsync()).ShouldBe(new ReportResult(0, 0));
            host.ReportPosts.ShouldBe(posts);
        }

        [Fact]
        public async Task Keeps_results_when_the_host_is_down_and_sends_them_when_it_is_back()
        {
            using var site = await TempSite.CreateAsync();
            string reportId;
            await using (var first = await StandInHost.StartAsync())
            {
                first.Publish(packages.Throwing);
                await site.Agent.EnrollAsync(first.Url, StandInHost.SiteKey);
                await site.Agent.PullAsync();
            }

            var run = await site.Agent.RunAsync();

            run.Apply.Failed.ShouldBe(1);
            run.Apply.Reports.ShouldBe(new ReportResult(0, 1));
            site.OutputLines.ShouldContain(l => l.Contains("cannot reach the host", StringComparison.Ordinal) && l.Contains("kept for the next run", StringComparison.Ordinal));
            site.OutputLines.Where(l => l.Contains("trying again in", StringComparison.Ordinal)).Select(l => l[l.IndexOf("trying", StringComparison.Ordinal)..])
                .ShouldBe(["trying again in 0.02 s", "trying again in 0.05 s"]); // the backoff TempSite configures, then the report waits
            reportId = site.Outbox().ShouldHaveSingleItem().ReportId;

            await using var back = await StandInHost.StartAsync();
            await site.Agent.EnrollAsync(back.Url, StandInHost.SiteKey);
            (await site.Agent.ReportAsync()).ShouldBe(new ReportResult(1, 0));
            back.Reports.ShouldHaveSingleItem().ReportId.ShouldBe(reportId);
            site.Outbox().ShouldBeEmpty();
        }
    }
}
