using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Host.Tests.Tuf;

/// <summary>The feed's TUF metadata as the host serves it, and as an independent implementation reads it.</summary>
public sealed class TufMetadataTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;

    public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_push_signs_new_targets_snapshot_and_timestamp_listing_the_package_with_length_and_both_hashes()
    {
        var root = TufRoot.From(await GetAsync("root.json", TufRoles.Root));
        var before = await GetAsync("timestamp.json", TufRoles.Timestamp);
        var package = TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting");

        (await _publisher.PushAsync(package)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var timestamp = await GetAsync("timestamp.json", TufRoles.Timestamp);
        var snapshot = await GetAsync("snapshot.json", TufRoles.Snapshot);
        var targets = await GetAsync("targets.json", TufRoles.Targets);
        root.Verify(TufRoles.Timestamp, timestamp);
        root.Verify(TufRoles.Snapshot, snapshot);
        root.Verify(TufRoles.Targets, targets);
        timestamp.Version.ShouldBe(before.Version + 1);
        timestamp.Expires.ShouldBe(_host.Time.GetUtcNow().AddDays(1));
        snapshot.Signed["meta"]!["targets.json"]!["version"]!.GetValue<long>().ShouldBe(targets.Version);
        var target = targets.Signed["targets"]!["cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg"]!;
        target["length"]!.GetValue<long>().ShouldBe(package.Length);
        target["hashes"]!["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(package)));
        target["hashes"]!["sha512"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA512.HashData(package)));
        root.Document.Signed["consistent_snapshot"]!.GetValue<bool>().ShouldBeFalse();
        root.Document.Signed["spec_version"]!.GetValue<string>().ShouldStartWith("1.0.");
    }

    [Fact]
    public async Task A_refused_push_signs_nothing_new()
    {
        var before = await _publisher.GetByteArrayAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));

        (await _publisher.PushAsync([1, 2, 3])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await _publisher.GetByteArrayAsync(new Uri("/tuf/timestamp.json", UriKind.Relative))).ShouldBe(before);
    }

    [Fact]
    public async Task An_unchanged_timestamp_poll_is_a_bodiless_304_and_a_changed_one_is_200()
    {
        using var first = await _publisher.GetAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));
        var etag = first.Headers.ETag!.ToString();
        var full = (await first.Content.ReadAsByteArrayAsync()).Length;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/tuf/timestamp.json");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var unchanged = await _publisher.SendAsync(again);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await unchanged.Content.ReadAsByteArrayAsync()).Length.ShouldBe(0);
        full.ShouldBeGreaterThan(300);

        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var after = new HttpRequestMessage(HttpMethod.Get, "/tuf/timestamp.json");
        after.Headers.TryAddWithoutValidation("If-None-Match", etag);
        (await _publisher.SendAsync(after)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_timestamp_near_its_expiry_is_signed_again_when_served()
    {
        var before = await GetAsync("timestamp.json", TufRoles.Timestamp);

        _host.Time.Advance(TimeSpan.FromHours(13));
        var after = await GetAsync("timestamp.json", TufRoles.Timestamp);

        after.Version.ShouldBe(before.Version + 1);
        after.Expires.ShouldBe(_host.Time.GetUtcNow().AddDays(1));
    }

    [Fact]
    public async Task Metadata_needs_a_key_and_unknown_names_are_404()
    {
        using var anonymous = _host.Client();
        (await anonymous.GetAsync(new Uri("/tuf/root.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var site = _host.Client(await _host.KeyAsync(KeyScope.Publish));
        (await site.GetAsync(new Uri("/tuf/..%2Fkeys%2Froot.pem", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await site.GetAsync(new Uri("/tuf/2.root.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await site.GetAsync(new Uri("/tuf/1.root.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Python_securesystemslib_verifies_signatures_key_ids_the_root_chain_and_the_targets()
    {
        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await FeedSigning.RotateAsync(_host.DataDirectory, ["root", "targets", "snapshot", "timestamp"], null);
        (await _publisher.PushAsync(TestPackages.Update("Cz.MinimumWage2025", "1.0.0", "payroll"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bespoke = TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = AppLayer.Sdk.UpdateKind.DataFix, Customer = "novak" };
        using (var manager = await _host.ManagerAsync())
        {
            await manager.CoveredCustomerAsync("novak", "accounting");
        }

        (await _publisher.PushAsync(TestPackages.Build("Novak.SalaryFix", "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var output = await RunPythonAsync(Path.Combine(AppContext.BaseDirectory, "Tuf", "verify_tuf.py"), Path.Combine(_host.DataDirectory, "tuf"), _host.PackagesDirectory);

        output.ShouldContain("ok root v2 signed by root (1/1)");
        output.ShouldContain("ok targets v");
        output.ShouldContain("ok target cz.minimumwage2025/1.0.0/cz.minimumwage2025.1.0.0.nupkg length and sha256+sha512");
        output.ShouldContain("ok target cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg length and sha256+sha512");
        output.ShouldContain("ok targets v1 signed by customer-novak (1/1)");
        output.ShouldContain("ok customer-novak.json matches version, length and sha256");
        output.ShouldContain("ok target customer-novak/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg length and sha256+sha512");
        output.ShouldNotContain("FAIL");
    }

    private async Task<TufDocument> GetAsync(string name, string role) =>
        TufDocument.Parse(await _publisher.GetByteArrayAsync(new Uri("/tuf/" + name, UriKind.Relative)), role);

    private static async Task<string> RunPythonAsync(params string[] args)
    {
        // Debian's python3 with python3-securesystemslib (installed by tests/prerequisites.sh).
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        process.ExitCode.ShouldBe(0, output);
        return output;
    }
}
