using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Packages;
using AppLayer.Site.Tests.Support;
using NodaTime;

namespace AppLayer.Site.Tests;

/// <summary>
/// <c>site plan --json</c> (the real command) and what the agent then executes agree, case by case: the planner
/// decides and the applier executes that plan, so the two cannot drift.
/// </summary>
public sealed class OnePlanTests
{
    /// <summary>What running an update of each planned action must come to.</summary>
    private static readonly Dictionary<string, string> Implied = new(StringComparer.Ordinal)
    {
        ["apply"] = "applied",
        ["emergency"] = "applied",
        ["rehearse"] = "rehearsed",
        ["wait"] = "waiting",
        ["refused"] = "failed",
        ["blocked"] = "failed",
        ["applied"] = "already applied",
    };

    [Collection(BuiltPackages.Collection)]
    public sealed class PlanAndApply(BuiltPackages packages)
    {
        [Theory]
        [InlineData("outside the window, not an emergency", "wait", "waiting")]
        [InlineData("an emergency outside the window", "emergency", "applied")]
        [InlineData("gated, rehearse only", "rehearse", "rehearsed")]
        [InlineData("gated and approved", "apply", "applied")]
        [InlineData("other bytes than were applied under its version", "refused", "failed")]
        [InlineData("a missing dependency", "blocked", "failed")]
        [InlineData("an IS version out of its range", "blocked", "failed")]
        [InlineData("already applied", "applied", "already applied")]
        [InlineData("a manifest naming another version than the listing", "refused", "failed")]
        [InlineData("a dependency this IS version cannot run", "blocked", "failed")]
        public async Task Site_plan_json_and_what_the_agent_executes_agree(string @case, string planned, string executed)
        {
            await using var host = await StandInHost.StartAsync();
            using var site = await TempSite.EnrolledAsync(host);
            var subject = await ArrangeAsync(@case, host, site);

            // The plan command runs on the real clock, so the agent does too from here (the metadata was verified on the test clock).
            site.Clock.SetUtcNow(DateTimeOffset.UtcNow);
            var plan = await PlanJsonAsync(site.Database);
            var action = plan.Single(i => i.GetProperty("id").GetString() == subject).GetProperty("action").GetString()!;
            var printed = site.Output.ToString().Length;
            var result = await site.Agent.ApplyAsync(report: false);
            var outcome = Outcome(site.Output.ToString()[printed..], subject, result);

            (action, outcome).ShouldBe((planned, executed), site.Output.ToString());
            outcome.ShouldBe(Implied[action], $"{@case}: planned {action}, executed {outcome}");
        }

        private async Task<string> ArrangeAsync(string @case, StandInHost host, TempSite site)
        {
            switch (@case)
            {
                case "outside the window, not an emergency":
                case "an emergency outside the window":
                    host.Publish(@case.StartsWith("an emergency", StringComparison.Ordinal)
                        ? PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Emergency = true })
                        : packages.Vat2024);
                    await site.Agent.PullAsync();
                    var local = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow).InZone(DateTimeZoneProviders.Tzdb["Europe/Prague"]).TimeOfDay;
                    await site.Agent.SetWindowAsync(local.PlusHours(3).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), local.PlusHours(4).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                    return "Cz.Vat2024";
                case "gated, rehearse only":
                case "gated and approved":
                    var listed = host.Publish(packages.Vat2024);
                    await site.Agent.PullAsync();
                    new PackageCache(site.Paths.Packages).Relist(listed with { Gate = @case.Contains("approved", StringComparison.Ordinal) ? GateHistoryKinds.Approved : GateHistoryKinds.RehearseOnly });
                    return "Cz.Vat2024";
                case "other bytes than were applied under its version":
                    var original = host.Publish(packages.Vat2024);
                    await site.Agent.RunAsync();
                    var other = PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Title = "Same id and version, other bytes" });
                    var bytes = await File.ReadAllBytesAsync(other);
                    new PackageCache(site.Paths.Packages).Add(other, original with { Sha512 = Convert.ToBase64String(SHA512.HashData(bytes)), Size = bytes.Length });
                    return "Cz.Vat2024";
                case "a missing dependency":
                    host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Dependencies = [new UpdateDependency("Cz.Nowhere", "1.0.0")] }));
                    await site.Agent.PullAsync();
                    return "Cz.Vat2024";
                case "an IS version out of its range":
                    host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { IsVersionRange = "[6.0,7.0)" }));
                    await site.Agent.PullAsync();
                    return "Cz.Vat2024";
                case "already applied":
                    host.Publish(packages.Vat2024);
                    await site.Agent.RunAsync();
                    return "Cz.Vat2024";
                case "a manifest naming another version than the listing":
                    var listing = host.Publish(packages.Vat2024);
                    var renamed = PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Version = "1.0.1" });
                    var renamedBytes = await File.ReadAllBytesAsync(renamed);
                    new PackageCache(site.Paths.Packages).Add(renamed, listing with { Sha512 = Convert.ToBase64String(SHA512.HashData(renamedBytes)), Size = renamedBytes.Length });
                    return "Cz.Vat2024";
                case "a dependency this IS version cannot run":
                    host.Publish(PackageFile.WithManifest(packages.MinimumWage2025, packages.NewFolder(), m => m with { IsVersionRange = "[6.0,7.0)" }));
                    host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Dependencies = [new UpdateDependency("Cz.MinimumWage2025", "1.0.0")] }));
                    await site.Agent.PullAsync();
                    return "Cz.Vat2024";
                default:
                    throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case");
            }
        }

        private static string Outcome(string output, string id, ApplyResult result)
        {
            var lines = output.Split('\n', StringSplitOptions.TrimEntries);
            return lines.Any(l => l.StartsWith($"applied {id} ", StringComparison.Ordinal)) ? "applied"
                : lines.Any(l => l.StartsWith($"rehearsed {id} ", StringComparison.Ordinal)) ? "rehearsed"
                : lines.Any(l => l.StartsWith($"waiting {id} ", StringComparison.Ordinal)) ? "waiting"
                : lines.Any(l => l.StartsWith($"FAILED {id} ", StringComparison.Ordinal)) ? "failed"
                : result.AlreadyApplied > 0 ? "already applied"
                : "nothing";
        }

        private static async Task<List<JsonElement>> PlanJsonAsync(string database)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "applayer.dll"), "site", "plan", "--db", database, "--json" })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, await error);
            return JsonDocument.Parse(await output).RootElement.GetProperty("items").EnumerateArray().ToList();
        }
    }
}
