using AppLayer.Core.Agreements;
using AppLayer.Core.Compliance;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Host.Tests.Compliance;

/// <summary>The radar as a pure computation over a fleet snapshot, with the day taken from a fake clock.</summary>
public sealed class ComplianceRadarTests
{
    private static readonly DateTimeOffset Published = new(2023, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 12, 20, 12, 0, 0, TimeSpan.Zero));

    private static LegalChange Vat(LegalChangeStatus status = LegalChangeStatus.Released) => new()
    {
        Id = 1,
        References = ["Act No. 349/2023 Coll."],
        Title = "VAT",
        Jurisdiction = "CZ",
        Area = "tax",
        EffectiveDate = new DateOnly(2024, 1, 1),
        Modules = ["accounting"],
        Status = status,
        RecordedAt = Published,
    };

    private static Fleet Fleet(DateTimeOffset published, params Deployment[] deployments) => new(
        [new Customer(1, "novak", "Novák", Published), new Customer(2, "horak", "Horák", Published)],
        [new Agreement(1, 1, [Agreement.ApplicationLayer], ["accounting"], Published), new Agreement(2, 1, [Agreement.ApplicationLayer], ["accounting"], Published)],
        [
            new Installation(10, 1, "novak-prod", "Novák", "5.2", ["accounting"], "Europe/Prague", Published),
            new Installation(20, 2, "horak-prod", "Horák", "5.2", ["accounting"], "Europe/Prague", Published),
        ],
        [new FeedPackage("Cz.Vat2024", "1.0.0", "sha", 1, Manifest(), published)],
        deployments,
        []);

    private static UpdateManifest Manifest() => new()
    {
        Id = "Cz.Vat2024",
        Version = "1.0.0",
        Kind = UpdateKind.Legislative,
        Title = "VAT",
        LegalReferences = ["Act No. 349/2023 Coll."],
        EffectiveDate = new DateOnly(2024, 1, 1),
        Modules = ["accounting"],
    };

    private static Deployment Applied(long installation, DateTimeOffset at) => new(0, installation, "Cz.Vat2024", "1.0.0", DeploymentStatus.Applied, "ok", at);

    [Fact]
    public void Counts_days_left_from_the_clocks_day_and_marks_an_installation_exposed_inside_the_horizon()
    {
        var report = ComplianceRadar.Compute([Vat()], Fleet(Published, Applied(10, Published.AddDays(2))), SupplierCalendar.Today(_clock), 30);

        var change = report.Changes.ShouldHaveSingleItem();
        change.DaysLeft.ShouldBe(12);
        change.Installations.Select(i => $"{i.Installation} {i.State}").ShouldBe(["horak-prod exposed", "novak-prod applied"]);
        change.Risk.ShouldBe(1 * (30 - 12 + 1));
    }

    [Fact]
    public void Schedules_what_is_beyond_the_horizon()
    {
        var report = ComplianceRadar.Compute([Vat()], Fleet(Published), SupplierCalendar.Today(_clock), 7);

        report.Changes[0].Installations.Select(i => i.State).ShouldBe(["scheduled", "scheduled"]);
        report.Changes[0].Risk.ShouldBe(0);
    }

    [Fact]
    public void Takes_the_day_in_Prague_so_a_late_evening_in_UTC_is_already_the_effective_date()
    {
        _clock.SetUtcNow(new DateTimeOffset(2023, 12, 31, 23, 30, 0, TimeSpan.Zero));

        var report = ComplianceRadar.Compute([Vat()], Fleet(Published), SupplierCalendar.Today(_clock), 30);

        report.At.ShouldBe(new DateOnly(2024, 1, 1));
        report.Changes[0].DaysLeft.ShouldBe(0);
    }

    [Fact]
    public void Knows_no_update_on_a_day_before_it_was_published()
    {
        var report = ComplianceRadar.Compute([Vat()], Fleet(new DateTimeOffset(2023, 12, 28, 9, 0, 0, TimeSpan.Zero)), SupplierCalendar.Today(_clock), 30);

        report.Changes[0].Installations.ShouldAllBe(i => i.State == "exposed" && !i.UpdateAvailable && i.Missing.Count == 0);
    }

    [Fact]
    public void Calls_a_change_deployed_everywhere_only_when_every_entitled_installation_applied_it()
    {
        ComplianceRadar.IsDeployedEverywhere(Vat(), Fleet(Published, Applied(10, Published))).ShouldBeFalse();
        ComplianceRadar.IsDeployedEverywhere(Vat(), Fleet(Published, Applied(10, Published), Applied(20, Published.AddYears(1)))).ShouldBeTrue();
        ComplianceRadar.IsDeployedEverywhere(Vat() with { Modules = ["production"] }, Fleet(Published)).ShouldBeFalse();
    }

    [Fact]
    public void Refuses_a_negative_horizon()
    {
        Should.Throw<AppLayer.Protocol.UserException>(() => ComplianceRadar.Compute([Vat()], Fleet(Published), new DateOnly(2024, 1, 1), -1));
    }
}
