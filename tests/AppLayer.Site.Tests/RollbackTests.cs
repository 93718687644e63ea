using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Tests;

/// <summary><c>site rollback</c>: the down step of a reversible update, or the snapshot for one without.</summary>
[Collection(BuiltPackages.Collection)]
public sealed class RollbackTests(BuiltPackages packages)
{
    [Fact]
    public async Task Runs_the_down_step_in_one_transaction_records_and_reports_it_and_the_update_can_be_applied_again()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Rewrite);
        using var site = await TempSite.EnrolledAsync(host);
        site.AddCrashRows(50);
        var before = site.DumpIs();
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
        var applied = site.Dump();

        (await site.Agent.RollbackAsync("Rewrite.Update", confirmed: false).ShouldThrowAsync<UserException>())
            .Message.ShouldBe("rolling back Rewrite.Update 1.0.0 changes the IS database; run again with --yes to confirm.");
        site.Dump().ShouldBe(applied);

        var sent = await site.Agent.RollbackAsync("rewrite.update", confirmed: true);

        sent.ShouldBe(new ReportResult(1, 0));
        site.DumpIs().ShouldBe(before);
        site.OutputLines.ShouldContain("rolled back Rewrite.Update 1.0.0 by its down step (every row restored)");
        site.Rows("SELECT COUNT(*) FROM applayer_history")[0][0].ShouldBe("0");
        site.Rows("SELECT package_id, version, method FROM applayer_rollbacks").ShouldHaveSingleItem().ShouldBe(["Rewrite.Update", "1.0.0", "down step"]);
        host.Reports.Select(r => r.Status).Order(StringComparer.Ordinal).ShouldBe(["applied", "rolled-back"]);

        var held = await site.Agent.ApplyAsync();
        held.Applied.ShouldBe(0, "a rolled-back update is held");
        site.OutputLines.ShouldContain(l => l.StartsWith("held Rewrite.Update 1.0.0: held: rolled back here on ", StringComparison.Ordinal));
        site.DumpIs().ShouldBe(before);

        var rollbackReport = site.Rows("SELECT report_id FROM applayer_rollbacks")[0][0];
        host.ReleaseHold("Rewrite.Update", "1.0.0", rollbackReport);
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1, "a manager released the hold on the host");
    }

    [Fact]
    public async Task Restores_the_snapshot_for_an_update_without_a_down_step_keeping_the_agent_records()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = site.DumpIs();
        host.RefuseReports = true;
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
        site.DumpIs().ShouldNotBe(before);
        host.RefuseReports = false;

        await site.Agent.RollbackAsync("Cz.Vat2024", confirmed: true);

        site.DumpIs().ShouldBe(before);
        site.OutputLines.ShouldContain("rolled back Cz.Vat2024 1.0.0 by restoring the snapshot taken before it was applied");
        site.Rows("SELECT method FROM applayer_rollbacks").ShouldHaveSingleItem()[0].ShouldBe("snapshot");
        site.Rows("SELECT COUNT(*) FROM applayer_site")[0][0].ShouldBe("1");
        host.Reports.Select(r => r.Status).Order(StringComparer.Ordinal).ShouldBe(["applied", "rolled-back"]); // the applied report, unsent when the snapshot was restored, survives it
        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
    }

    [Fact]
    public async Task Refuses_a_snapshot_rollback_that_would_undo_later_updates_and_one_that_is_not_applied()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        host.Publish(packages.MinimumWage2025);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.RunAsync();
        var applied = site.Dump();

        (await site.Agent.RollbackAsync("Cz.Vat2024", confirmed: true).ShouldThrowAsync<UserException>())
            .Message.ShouldBe("restoring the snapshot taken before Cz.Vat2024 1.0.0 would also undo Cz.MinimumWage2025 1.0.0, applied after it; roll those back first.");
        (await site.Agent.RollbackAsync("Throwing.Update", confirmed: true).ShouldThrowAsync<UserException>())
            .Message.ShouldBe($"Throwing.Update is not applied to '{site.Database}'; nothing to roll back.");
        site.Dump().ShouldBe(applied);
    }

    /// <summary>Issue 18, case 7: business data entered after the update must not vanish silently with a snapshot restore.</summary>
    [Collection(BuiltPackages.Collection)]
    public sealed class A_snapshot_restore_after_the_database_changed(BuiltPackages packages)
    {
        [Fact]
        public async Task Is_refused_listing_what_would_be_lost_and_leaves_the_database_byte_identical()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            using var site = await TempSite.EnrolledAsync(host);
            (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
            EnterBusinessData(site);
            var hash = site.FileHash();
            var log = site.Log;

            var refused = await site.Agent.RollbackAsync("Cz.Vat2024", confirmed: true).ShouldThrowAsync<UserException>();

            var lines = refused.Message.Split(Environment.NewLine);
            lines[0].ShouldStartWith("the IS database changed since Cz.Vat2024 1.0.0 was applied (2 table(s)); restoring the snapshot taken before it would lose those changes, so nothing was changed.");
            lines[0].ShouldEndWith("--discard-changes-since to restore the snapshot and lose them:");
            lines.Skip(1).ShouldBe([
                "  employees: 7 row(s) now, 7 after Cz.Vat2024 1.0.0 was applied; restoring would undo 0 added, 0 removed, 1 changed row(s)",
                "  invoices: 10 row(s) now, 9 after Cz.Vat2024 1.0.0 was applied; restoring would undo 1 added, 0 removed, 3 changed row(s)", // 3: the update's own VAT changes to invoices, and they go too
            ]);
            site.FileHash().ShouldBe(hash);
            site.Rows("SELECT COUNT(*) FROM applayer_rollbacks")[0][0].ShouldBe("0");
            site.Outbox().ShouldBeEmpty();
            log.WithId(4233).ShouldNotBeEmpty();
        }

        [Fact]
        public async Task Goes_ahead_with_discard_changes_since_and_says_what_it_discarded()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            using var site = await TempSite.EnrolledAsync(host);
            var before = site.DumpIs();
            (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
            EnterBusinessData(site);

            await site.Agent.RollbackAsync("Cz.Vat2024", confirmed: true, discardChangesSince: true);

            site.DumpIs().ShouldBe(before);
            site.OutputLines.ShouldContain("warning: discarding what changed in the IS database since Cz.Vat2024 1.0.0 was applied (--discard-changes-since):");
            site.Rows("SELECT message FROM applayer_rollbacks")[0][0].ShouldEndWith("; discarded changes made since it was applied to 2 table(s): employees, invoices");
            host.Reports.ShouldContain(r => r.Status == "rolled-back" && r.Message.Contains("discarded changes made since it was applied to 2 table(s)", StringComparison.Ordinal));
            site.Log.WithId(4234).ShouldNotBeEmpty();
        }

        [Fact]
        public async Task Is_not_refused_when_only_the_agent_wrote_since()
        {
            await using var host = await StandInHost.StartAsync();
            host.Publish(packages.Vat2024);
            using var site = await TempSite.EnrolledAsync(host);
            var before = site.DumpIs();
            (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
            await site.Agent.CheckAsync(); // findings and inventory: the agent's own tables

            await site.Agent.RollbackAsync("Cz.Vat2024", confirmed: true);

            site.DumpIs().ShouldBe(before);
            File.Exists(site.Paths.SnapshotOf("Cz.Vat2024", "1.0.0") + ".after.json").ShouldBeFalse();
        }

        private static void EnterBusinessData(TempSite site)
        {
            using var connection = new SqliteConnection($"Data Source={site.Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO invoices (number, direction, partner, issue_date, taxable_supply_date, total_net_h, total_vat_h, total_gross_h)
                VALUES ('FV-2025-0099', 'issued', 'Late Customer s.r.o.', '2025-01-10', '2025-01-10', 100000, 21000, 121000);
                UPDATE employees SET monthly_salary_h = 100 WHERE rowid = (SELECT MIN(rowid) FROM employees);
                """;
            command.ExecuteNonQuery();
        }
    }
}
