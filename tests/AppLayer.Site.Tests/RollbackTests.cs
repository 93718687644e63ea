using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;

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

        (await site.Agent.ApplyAsync()).Applied.ShouldBe(1, "a rolled-back update is no longer applied");
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
}
