using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Tuf;
using AppLayer.Sdk;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests.Offline;

/// <summary>
/// An offline site: the real host packs a bundle, a site that cannot reach any host verifies and
/// applies it, its reports travel back by file and the host stores each once.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class OfflineBundleTests(BuiltPackages packages)
{
    [Fact]
    public async Task Round_trip_bundle_apply_offline_reports_imported_twice_are_stored_once()
    {
        await using var world = await OfflineWorld.StartAsync(packages);
        using var site = await world.EnrolledSiteAsync();
        var bundle = await world.ExportBundleAsync("novak");
        await world.StopHostAsync();

        var applied = await OfflineWorld.Offline(site, rehearse: true).ApplyBundleAsync(bundle);
        var reports = Path.Combine(world.Folder, "novak-prod-reports.json");
        var exported = await OfflineWorld.Offline(site).ExportReportsAsync(reports);

        applied.Applied.ShouldBe(2, site.Output.ToString());
        applied.Failed.ShouldBe(0);
        applied.Reports.ShouldBe(new ReportResult(0, 2));
        site.Rows("SELECT package_id FROM applayer_history ORDER BY package_id").Select(r => r[0]).ShouldBe(["Cz.MinimumWage2025", "Cz.Vat2024"]);
        site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12 AND valid_from = '2024-01-01'")[0][0].ShouldBe("1");
        exported.ShouldBe(2);

        await world.StartHostAsync();
        var first = await world.ApplayerAsync("report", "import", reports);
        var second = await world.ApplayerAsync("report", "import", reports);

        first.Code.ShouldBe(0, first.Error);
        first.Output.ShouldContain("2 stored, 0 already stored");
        second.Output.ShouldContain("0 stored, 2 already stored");
        using var manager = world.Manager();
        var history = await manager.GetAsync<List<HistoryEventDto>>("api/customers/novak/history", CancellationToken.None);
        history.Where(e => e.Kind == "update-applied").Select(e => e.Subject).Order(StringComparer.Ordinal).ShouldBe(["Cz.MinimumWage2025 1.0.0", "Cz.Vat2024 1.0.0"]);

        (await OfflineWorld.Offline(site).AcknowledgeReportsAsync(reports)).ShouldBe(2);
        (await OfflineWorld.Offline(site).ExportReportsAsync(reports)).ShouldBe(0);
    }

    [Fact]
    public async Task An_expired_bundle_is_one_line_naming_the_expiry_exit_1_and_the_IS_database_is_byte_identical()
    {
        await using var world = await OfflineWorld.StartAsync(packages);
        using var site = await world.EnrolledSiteAsync();
        var bundle = await world.ExportBundleAsync("novak");
        await world.StopHostAsync();
        var before = site.FileHash();

        // The site's clock two days on: the bundle's timestamp (1 day) has expired.
        site.Clock.Advance(TimeSpan.FromDays(2));
        var refused = await Should.ThrowAsync<TufException>(() => OfflineWorld.Offline(site).ApplyBundleAsync(bundle));

        // The real command, on the real clock (long after the host's 2024 clock signed the bundle).
        var process = await RunApplayerAsync("site", "apply-bundle", bundle, "--db", site.Database);

        refused.Message.ShouldStartWith("timestamp metadata version ");
        refused.Message.ShouldContain("expired at 2024-12-21T09:30:00Z");
        process.Code.ShouldBe(1, process.Output + process.Error);
        var line = process.Error.Trim().Split('\n').ShouldHaveSingleItem(process.Error);
        line.ShouldStartWith("error: ");
        line.ShouldContain("expired at");
        site.FileHash().ShouldBe(before);
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_update_cached_before_it_was_gated_takes_the_bundles_gate_mark_and_is_not_applied_offline()
    {
        await using var world = await OfflineWorld.StartAsync(packages);
        using var site = await world.EnrolledSiteAsync();
        await site.Agent.PullAsync();
        using (var manager = world.Manager())
        {
            await manager.PostAsync<JsonElement>("api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"), CancellationToken.None);
        }

        var bundle = await world.ExportBundleAsync("novak");
        await world.StopHostAsync();

        await OfflineWorld.Offline(site).ApplyBundleAsync(bundle);

        site.Rows("SELECT package_id FROM applayer_history ORDER BY package_id").Select(r => r[0]).ShouldBe(["Cz.MinimumWage2025"], site.Output.ToString());
        site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12 AND valid_from = '2024-01-01'")[0][0].ShouldBe("0");
    }

    [Fact]
    public async Task A_tampered_package_another_customers_bundle_and_unsafe_zips_are_refused_with_nothing_applied()
    {
        await using var world = await OfflineWorld.StartAsync(packages);
        using var site = await world.EnrolledSiteAsync();
        var novak = await world.ExportBundleAsync("novak");
        var horak = await world.ExportBundleAsync("horak");
        await world.StopHostAsync();
        var tampered = Rewrite(novak, "packages/cz.vat2024.1.0.0.nupkg", bytes => [.. bytes[..^1], (byte)(bytes[^1] ^ 0xFF)]);
        var traversal = Path.Combine(world.Folder, "traversal.zip");
        await File.WriteAllBytesAsync(traversal, Zip(("bundle.json", "{}"u8.ToArray()), ("../escaped.txt", "x"u8.ToArray())));
        var notAZip = Path.Combine(world.Folder, "not-a-zip.zip");
        await File.WriteAllTextAsync(notAZip, "this is not a zip");
        var before = site.FileHash();
        var offline = OfflineWorld.Offline(site);

        (await Should.ThrowAsync<PackageIntegrityException>(() => offline.ApplyBundleAsync(tampered))).Message.ShouldContain("Cz.Vat2024 1.0.0 in ");
        (await Should.ThrowAsync<UserException>(() => offline.ApplyBundleAsync(horak))).Message.ShouldContain("is a bundle for customer horak, but this IS is installation novak-prod of customer novak; refused.");
        (await Should.ThrowAsync<UnsafePackageException>(() => offline.ApplyBundleAsync(traversal))).Message.ShouldContain("'../escaped.txt' that would land outside");
        (await Should.ThrowAsync<UserException>(() => offline.ApplyBundleAsync(notAZip))).Message.ShouldContain("is not an offline bundle");

        site.FileHash().ShouldBe(before);
        site.CachedPackages().ShouldBeEmpty();
        File.Exists(Path.Combine(site.Paths.Root, "escaped.txt")).ShouldBeFalse();
        Directory.GetDirectories(site.Paths.Root, "bundle-*").ShouldBeEmpty();
        (await offline.ApplyBundleAsync(novak)).Applied.ShouldBe(2, site.Output.ToString());
    }

    [Fact]
    public async Task A_bespoke_update_is_applied_through_the_customers_delegated_role_and_a_tampered_role_is_refused_with_nothing_applied()
    {
        // The real compiled VAT sample, as novak's data fix: signed in customer-novak.json only.
        var bespoke = PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Kind = UpdateKind.DataFix, Customer = "novak" });
        await using var world = await OfflineWorld.StartAsync(packages, bespoke, packages.MinimumWage2025);
        using var site = await world.EnrolledSiteAsync();
        var bundle = await world.ExportBundleAsync("novak");
        await world.StopHostAsync();
        var tampered = Rewrite(bundle, "tuf/customer-novak.json", bytes =>
        {
            var hash = Encoding.UTF8.GetString(bytes).IndexOf("\"sha512\":\"", StringComparison.Ordinal) + 10;
            bytes[hash] = (byte)(bytes[hash] == (byte)'0' ? '1' : '0'); // same length, another package hash
            return bytes;
        });
        var before = site.FileHash();
        var offline = OfflineWorld.Offline(site);
        using (var zip = ZipFile.OpenRead(bundle))
        using (var targets = new StreamReader(zip.GetEntry("tuf/targets.json")!.Open()))
        {
            targets.ReadToEnd().ShouldNotContain("cz.vat2024"); // only the delegated role signs it
        }

        var refused = await Should.ThrowAsync<TufException>(() => offline.ApplyBundleAsync(tampered));

        refused.Message.ShouldContain("customer-novak.json");
        refused.Message.ShouldContain("refused (mix-and-match)");
        site.FileHash().ShouldBe(before);
        site.CachedPackages().ShouldBeEmpty();
        File.Exists(Path.Combine(site.Paths.Trust, "customer-novak.json")).ShouldBeFalse();

        var applied = await offline.ApplyBundleAsync(bundle);

        applied.Applied.ShouldBe(2, site.Output.ToString());
        site.Rows("SELECT package_id FROM applayer_history ORDER BY package_id").Select(r => r[0]).ShouldBe(["Cz.MinimumWage2025", "Cz.Vat2024"]);
        site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12 AND valid_from = '2024-01-01'")[0][0].ShouldBe("1");
    }

    private static string Rewrite(string bundle, string entryName, Func<byte[], byte[]> change)
    {
        var copy = Path.Combine(Path.GetDirectoryName(bundle)!, "tampered-" + Path.GetFileName(bundle));
        File.Copy(bundle, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        byte[] bytes;
        using (var read = entry.Open())
        using (var buffer = new MemoryStream())
        {
            read.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        entry.Delete();
        using var write = zip.CreateEntry(entryName).Open();
        write.Write(change(bytes));
        return copy;
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    private static async Task<(int Code, string Output, string Error)> RunApplayerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardErrorEncoding = Encoding.UTF8 };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "applayer.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
