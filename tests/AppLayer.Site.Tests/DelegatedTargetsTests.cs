using System.Text;
using AppLayer.Protocol.Tuf;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A bespoke package is signed in its customer's delegated targets role (<c>customer-novak.json</c>),
/// not in the top-level targets: the agent follows the delegation for its own customer only, and
/// refuses a delegated role that is tampered with, signed by a wrong key or expired, before it
/// downloads anything.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class DelegatedTargetsTests(BuiltPackages packages)
{
    [Fact]
    public async Task A_bespoke_package_signed_in_the_customers_delegated_role_is_applied()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024, bespokeFor: "novak");
        using var site = await TempSite.EnrolledAsync(host);

        var result = await site.Agent.RunAsync();

        result.Apply.Applied.ShouldBe(1);
        site.OutputLines.ShouldContain("applied Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.)");
        Encoding.UTF8.GetString(host.Tuf.Files["targets.json"]).ShouldNotContain("cz.vat2024");
        host.MetadataRequests.ShouldContain("customer-novak.json 200");
        File.Exists(Path.Combine(site.Paths.Trust, "customer-novak.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_package_in_another_customers_role_is_not_signed_for_this_site_and_that_role_is_never_read()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024, bespokeFor: "dvorak");
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var run = await site.Agent.RunAsync();

        run.Pull.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("has neither cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg nor customer-novak/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg");
        host.MetadataRequests.ShouldNotContain(r => r.StartsWith("customer-dvorak", StringComparison.Ordinal));
        SiteState.Of(site, exceptTrust: true, SiteState.SkipFiles).ShouldBe(SiteState.Without(before, ["tuf", .. SiteState.SkipFiles]));
    }

    [Fact]
    public async Task A_tampered_delegated_role_is_refused_and_nothing_is_downloaded()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024, bespokeFor: "novak");
        var role = host.Tuf.Files["customer-novak.json"].ToArray();
        var hash = Encoding.UTF8.GetString(role).IndexOf("\"sha512\":\"", StringComparison.Ordinal) + 10;
        role[hash] = (byte)(role[hash] == (byte)'0' ? '1' : '0'); // same length, another package hash: only the snapshot's hash can tell
        host.Tuf.Files["customer-novak.json"] = role;
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("customer-novak.json");
        error.Message.ShouldContain("mix-and-match");
        AssertNothingKept(site, before);
    }

    [Fact]
    public async Task A_delegated_role_signed_by_a_key_the_top_level_targets_do_not_delegate_to_is_refused()
    {
        await using var host = await StandInHost.StartAsync();
        using var attacker = TufSigningKey.Generate();
        host.Tuf.DelegatedSigner = attacker; // the snapshot names it correctly: only the signature can tell
        host.Publish(packages.Vat2024, bespokeFor: "novak");
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("delegated targets metadata customer-novak version 1 has 0 valid signature(s) by the keys the top-level targets delegate to, 1 needed; refused");
        AssertNothingKept(site, before);
    }

    [Fact]
    public async Task An_expired_delegated_role_is_refused_and_the_error_names_the_expiry()
    {
        await using var host = await StandInHost.StartAsync();
        host.Tuf.DelegatedExpires = TestRepository.SignedAt.AddHours(-1);
        host.Publish(packages.Vat2024, bespokeFor: "novak");
        using var site = await TempSite.EnrolledAsync(host);
        var before = SiteState.Of(site);

        var error = await Should.ThrowAsync<TufException>(() => site.Agent.RunAsync());

        error.Message.ShouldContain("delegated role customer-novak: targets metadata version 1 expired at 2024-12-20T08:30:00Z");
        AssertNothingKept(site, before);
    }

    private static void AssertNothingKept(TempSite site, Dictionary<string, string> before)
    {
        SiteState.Of(site, exceptTrust: true).ShouldBe(SiteState.Without(before, "tuf"));
        File.Exists(Path.Combine(site.Paths.Trust, "customer-novak.json")).ShouldBeFalse();
        site.CachedPackages().ShouldBeEmpty();
    }
}
