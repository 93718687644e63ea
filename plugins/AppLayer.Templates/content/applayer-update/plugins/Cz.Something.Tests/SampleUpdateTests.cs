using AppLayer.Sdk;

namespace Cz.Something.Tests;

public sealed class SampleUpdateTests
{
    [Fact]
    public void The_manifest_names_this_assembly_and_passes_the_feeds_rules()
    {
        var manifest = UpdateManifest.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, UpdateManifest.FileName)));

        manifest.Id.ShouldBe(typeof(SampleUpdate).Assembly.GetName().Name);
        manifest.EntryAssembly.ShouldBe(manifest.Id + ".dll");
        manifest.Kind.ShouldBe(UpdateKind.Legislative);
        manifest.EffectiveDate.ShouldBe(DateOnly.Parse(SampleUpdate.EffectiveDate, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Ends_the_old_rate_the_day_before_and_adds_the_new_one_from_the_effective_date()
    {
        using var db = new TestIs();

        var outcome = await db.RunAsync(new SampleUpdate());

        outcome.ShouldBe(new RunOutcome(true, "commit", "sample_rate 120.00 CZK from 2026-01-01"));
        db.Rows().ShouldBe(
        [
            "sample_rate 90.00 CZK 2024-01-01 2024-12-31",
            "sample_rate 100.00 CZK 2025-01-01 2025-12-31",
            "sample_rate 120.00 CZK 2026-01-01 NULL",
        ]);
        db.Log.ShouldBe(["info: sample_rate 120.00 CZK from 2026-01-01"]);
    }

    [Fact]
    public async Task Preflight_refuses_a_database_where_the_update_was_already_applied_and_changes_nothing()
    {
        using var db = new TestIs();
        (await db.RunAsync(new SampleUpdate())).Committed.ShouldBeTrue();
        var before = db.Rows();

        var again = await db.RunAsync(new SampleUpdate());

        again.Committed.ShouldBeFalse();
        again.Step.ShouldBe("preflight");
        again.Message.ShouldContain("already been applied");
        db.Rows().ShouldBe(before);
    }

    [Fact]
    public async Task Verify_fails_and_everything_rolls_back_when_the_new_rate_is_wrong()
    {
        using var db = new TestIs();
        var before = db.Rows();

        var outcome = await db.RunAsync(new SampleUpdate(), (connection, transaction) =>
        {
            using var damage = connection.CreateCommand();
            damage.Transaction = transaction;
            damage.CommandText = "UPDATE payroll_parameters SET value = '12.00' WHERE valid_from = '2026-01-01'";
            damage.ExecuteNonQuery();
        });

        outcome.Committed.ShouldBeFalse();
        outcome.Step.ShouldBe("verify");
        outcome.Message.ShouldContain("found 0");
        db.Rows().ShouldBe(before);
    }
}
