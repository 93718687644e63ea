using AppLayer.Protocol.Tuf;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// The attacks a signed feed must survive (TUF's threat list), one named test each, against a
/// stand-in host that serves what the test says. Each one asserts the refusal's message and that
/// nothing was installed or stored: the IS database and every file of the agent are as before.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class SignedFeedAttackTests(BuiltPackages packages)
{
    [Fact]
    public async Task Tampered_package_bytes_arbitrary_installation_are_refused_before_the_package_is_opened()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        var bytes = File.ReadAllBytes(packages.Vat2024);
        bytes[^30] ^= 0xFF; // same length, other content: only the signed hash can tell
        host.ServeOtherBytes("Cz.Vat2024", "1.0.0", bytes);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var run = await site.Agent.RunAsync();

        run.Pull.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("SHA-512");
        run.ExitCode.ShouldBe(PullResult.PartlyExitCode);
        SiteState.Of(site, exceptTrust: true, SiteState.SkipFiles).ShouldBe(SiteState.Without(before, ["tuf", .. SiteState.SkipFiles]));
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Older_metadata_version_rollback_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var before = SiteState.Of(site);

        host.Tuf.ServeVersion(1); // the first, validly signed, unexpired set: before Cz.Vat2024 existed

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.PullAsync());

        error.Message.ShouldContain("timestamp metadata version 1 is older than the trusted version 2");
        error.Message.ShouldContain("rollback");
        SiteState.Of(site).ShouldBe(before);
    }

    [Fact]
    public async Task Higher_metadata_version_signed_by_a_wrong_key_fast_forward_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);
        using var attacker = TufSigningKey.Generate();

        host.Tuf.Files["timestamp.json"] = host.Tuf.Timestamp(1_000_000, TestRepository.SignedAt.AddDays(1), attacker).ToBytes();

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("timestamp metadata version 1000000 has 0 valid signature(s)");
        SiteState.Of(site).ShouldBe(before);
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Next_root_signed_only_by_its_own_new_key_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        host.Tuf.RotateRoot((_, newKey) => [newKey]); // an attacker's root: the old root key did not sign it

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("root metadata version 2 has 0 valid signature(s) by the root role's keys of root version 1");
        SiteState.Of(site).ShouldBe(before);
    }

    [Fact]
    public async Task A_root_rotated_by_the_old_and_the_new_key_is_followed_with_its_new_timestamp_key()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();

        host.Tuf.RotateRoot();
        host.Publish(packages.MinimumWage2025);
        var result = await site.Agent.PullAsync();

        result.Downloaded.ShouldBe(1);
        TufDocument.Parse(File.ReadAllBytes(Path.Combine(site.Paths.Trust, "root.json")), TufRoles.Root).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Expired_timestamp_freeze_is_refused_and_the_error_names_the_expiry()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        site.Clock.Advance(TimeSpan.FromDays(2)); // the host kept serving yesterday's timestamp

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("timestamp metadata version 2 expired at 2024-12-21T09:30:00Z");
        error.Message.ShouldContain("freeze");
        SiteState.Of(site).ShouldBe(before);
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Snapshot_and_targets_that_do_not_match_mix_and_match_are_refused()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        host.Tuf.Files["targets.json"] = host.Tuf.History[("targets.json", 1)]; // validly signed, but not the version the snapshot names

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("targets.json");
        error.Message.ShouldContain("mix-and-match");
        SiteState.Of(site).ShouldBe(before);
    }

    [Fact]
    public async Task A_package_the_signed_targets_do_not_list_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        host.Tuf.ServeVersion(1); // the host lists Cz.Vat2024 but no signature covers it
        using var fresh = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(fresh);

        var run = await fresh.Agent.RunAsync();

        run.Pull.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("the signed targets metadata has neither cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg");
        SiteState.Of(fresh, exceptTrust: true, SiteState.SkipFiles).ShouldBe(SiteState.Without(before, ["tuf", .. SiteState.SkipFiles]));
        fresh.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_package_response_larger_than_declared_endless_data_stops_reading_at_the_limit()
    {
        await using var host = await StandInHost.StartAsync();
        var listed = host.Publish(packages.Vat2024);
        // A short pause per chunk: once the agent hangs up, Kestrel may accept a few writes before it
        // notices, and on a busy machine a writer without pauses runs through hundreds in that time.
        host.Misbehave["nupkg"] = host.Endless(64 * 1024, TimeSpan.FromMilliseconds(2), maxChunks: 2000);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var pulled = await site.Agent.PullAsync();

        pulled.Skipped.ShouldHaveSingleItem().Reason.ShouldContain($"longer than the {listed.Size} bytes the signed targets declare; stopped reading");
        host.MisbehavingBytesSent.ShouldBeLessThan(64L * 1024 * 1024, "the agent stopped reading long before the server stopped sending");
        SiteState.Of(site, exceptTrust: true, SiteState.SkipFiles).ShouldBe(SiteState.Without(before, ["tuf", .. SiteState.SkipFiles]));
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_metadata_response_larger_than_allowed_endless_data_stops_reading_at_the_limit()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);
        host.Misbehave["timestamp.json"] = host.Endless(4 * 1024, TimeSpan.Zero);

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.PullAsync());

        error.Message.ShouldContain("metadata timestamp.json is longer than the 16384 bytes allowed; stopped reading");
        SiteState.Of(site).ShouldBe(before);
    }

    [Fact]
    public async Task A_server_that_trickles_metadata_slow_retrieval_times_out()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);
        host.Misbehave["timestamp.json"] = host.Endless(1, TimeSpan.FromMilliseconds(200), maxChunks: 100);
        var agent = site.AgentWith(o => o with { MetadataTimeout = TimeSpan.FromSeconds(2) });

        var error = await Should.ThrowAsync<TufException>(() => agent.PullAsync());

        error.Message.ShouldContain("metadata timestamp.json did not arrive within 2 s (slow retrieval)");
        SiteState.Of(site).ShouldBe(before);
    }

    [Fact]
    public async Task A_server_that_trickles_a_package_slow_retrieval_times_out()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);
        host.Misbehave["nupkg"] = host.Endless(1, TimeSpan.FromMilliseconds(200), maxChunks: 100);
        var agent = site.AgentWith(o => o with { DownloadTimeout = TimeSpan.FromSeconds(2) });

        var pulled = await agent.PullAsync();

        pulled.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("Cz.Vat2024 1.0.0 did not arrive within 2 s (slow retrieval)");
        SiteState.Of(site, exceptTrust: true, SiteState.SkipFiles).ShouldBe(SiteState.Without(before, ["tuf", .. SiteState.SkipFiles]));
        site.CachedPackages().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unchanged_poll_gets_a_304_for_the_timestamp_and_fetches_nothing_else_but_the_next_root_probe()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        host.MetadataRequests.Clear();

        await site.Agent.PullAsync();

        host.MetadataRequests.ShouldBe(["2.root.json 404", "timestamp.json 304"]);
    }
}
