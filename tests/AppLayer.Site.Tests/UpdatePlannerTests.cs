using AppLayer.Sdk;
using AppLayer.Site.Planning;
using NuGet.Versioning;

namespace AppLayer.Site.Tests;

public sealed class UpdatePlannerTests
{
    private static readonly IReadOnlyDictionary<string, NuGetVersion> NothingApplied = new Dictionary<string, NuGetVersion>();

    private static UpdateManifest Update(string id, string? effective, params (string Id, string Min)[] dependencies) => new()
    {
        Id = id,
        Version = "1.0.0",
        Kind = UpdateKind.Legislative,
        Title = id,
        LegalReferences = ["Act No. 1/2024 Coll."],
        EffectiveDate = effective is null ? null : DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture),
        Dependencies = dependencies.Select(d => new UpdateDependency(d.Id, d.Min)).ToList(),
    };

    private static string[] Order(IReadOnlyList<PlannedUpdate> plan) =>
        plan.Select(p => p.BlockedBecause is null ? p.Manifest.Id : $"{p.Manifest.Id} blocked: {p.BlockedBecause}").ToArray();

    public sealed class Plan
    {
        [Fact]
        public void Orders_independent_updates_by_effective_date_then_id_and_undated_last()
        {
            var plan = UpdatePlanner.Plan([Update("C", null), Update("B", "2025-01-01"), Update("A2", "2024-01-01"), Update("A1", "2024-01-01")], NothingApplied);

            Order(plan).ShouldBe(["A1", "A2", "B", "C"]);
        }

        [Fact]
        public void Puts_a_dependency_before_its_dependent_even_when_it_takes_effect_later()
        {
            var plan = UpdatePlanner.Plan([Update("Vat", "2024-01-01", ("Wage", "1.0.0")), Update("Wage", "2025-01-01"), Update("Early", "2023-01-01")], NothingApplied);

            Order(plan).ShouldBe(["Early", "Wage", "Vat"]);
        }

        [Fact]
        public void Follows_a_chain_of_dependencies()
        {
            var plan = UpdatePlanner.Plan([Update("A", "2024-01-01", ("B", "1.0")), Update("B", "2024-01-01", ("C", "1.0")), Update("C", "2026-01-01")], NothingApplied);

            Order(plan).ShouldBe(["C", "B", "A"]);
        }

        [Fact]
        public void Counts_a_dependency_already_applied_at_the_minimum_version_as_met()
        {
            var applied = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase) { ["base"] = NuGetVersion.Parse("1.2.0") };

            var plan = UpdatePlanner.Plan([Update("Top", "2024-01-01", ("Base", "1.2"))], applied);

            Order(plan).ShouldBe(["Top"]);
        }

        [Fact]
        public void Blocks_an_update_whose_dependency_is_neither_applied_nor_pending_and_its_dependents()
        {
            var applied = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase) { ["Base"] = NuGetVersion.Parse("1.0.0") };

            var plan = UpdatePlanner.Plan([Update("Mid", "2024-01-01", ("Base", "2.0.0")), Update("Top", "2024-02-01", ("Mid", "1.0.0")), Update("Free", "2024-03-01")], applied);

            Order(plan).ShouldBe(
            [
                "Mid blocked: it needs Base 2.0.0 or later, which is neither applied nor available",
                "Top blocked: its dependency Mid cannot run",
                "Free",
            ]);
        }

        [Fact]
        public void Blocks_every_update_in_a_dependency_cycle()
        {
            var plan = UpdatePlanner.Plan([Update("A", "2024-01-01", ("B", "1.0")), Update("B", "2024-01-01", ("A", "1.0")), Update("Free", "2025-01-01")], NothingApplied);

            Order(plan).ShouldBe(
            [
                "Free",
                "A blocked: it is in a dependency cycle among A, B",
                "B blocked: it is in a dependency cycle among A, B",
            ]);
        }
    }
}
