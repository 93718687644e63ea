using System.Net;
using System.Security.Cryptography;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Tuf;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Tuf;

/// <summary>
/// Bespoke packages are signed in their customer's delegated targets role: the metadata another
/// tenant's site can read never names them, and that tenant gets 404 for the role and the target.
/// </summary>
public sealed class DelegatedTargetsTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;
    private byte[] _novakPackage = null!;

    public async Task InitializeAsync()
    {
        _publisher = await _host.PublisherAsync();
        using var manager = await _host.ManagerAsync();
        await manager.CoveredCustomerAsync("novak", "accounting");
        await manager.CoveredCustomerAsync("dvorak", "accounting");
        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        _novakPackage = Bespoke("Novak.SalaryFix", "novak");
        (await _publisher.PushAsync(_novakPackage)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _publisher.PushAsync(Bespoke("Dvorak.StockFix", "dvorak"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Another_tenants_bespoke_package_never_appears_in_the_metadata_a_site_can_read()
    {
        using var dvorak = _host.Client(await _host.KeyAsync(KeyScope.Site, "dvorak-prod"));
        string[] secrets = ["novak.salaryfix", Convert.ToHexStringLower(SHA256.HashData(_novakPackage)), Convert.ToHexStringLower(SHA512.HashData(_novakPackage))];

        var readable = new List<string>();
        foreach (var name in new[] { "root.json", "1.root.json", "timestamp.json", "snapshot.json", "targets.json", "customer-dvorak.json" })
        {
            readable.Add(await dvorak.GetStringAsync(new Uri("/tuf/" + name, UriKind.Relative)));
        }

        foreach (var secret in secrets)
        {
            readable.ShouldAllBe(text => !text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        (await dvorak.GetAsync(new Uri("/tuf/customer-novak.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dvorak.GetAsync(new Uri("/v3/flatcontainer/customer-novak/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        readable[5].ShouldContain("customer-dvorak/dvorak.stockfix/1.0.0/dvorak.stockfix.1.0.0.nupkg");
    }

    [Fact]
    public async Task Top_level_targets_delegate_each_customers_role_which_the_snapshot_names_and_the_delegated_key_signs()
    {
        using var novak = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));
        var root = TufRoot.From(await GetAsync(novak, "root.json"));
        var targets = await GetAsync(novak, "targets.json");
        var snapshot = await GetAsync(novak, "snapshot.json");
        var roleBytes = await novak.GetByteArrayAsync(new Uri("/tuf/customer-novak.json", UriKind.Relative));
        var role = TufDocument.Parse(roleBytes, TufRoles.Targets);

        root.Verify(TufRoles.Targets, targets);
        targets.Signed["targets"]!.AsObject().Select(p => p.Key).ShouldBe(["cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg"]);
        var delegations = TufDelegationSet.From(targets);
        delegations.Roles.Select(r => $"{r.Name} {string.Join(',', r.Paths)} t={r.Threshold} terminating={r.Terminating}").ShouldBe(
            ["customer-dvorak customer-dvorak/*/*/* t=1 terminating=True", "customer-novak customer-novak/*/*/* t=1 terminating=True"]);
        delegations.Verify(delegations.Roles[1], role);
        var meta = snapshot.Signed["meta"]!["customer-novak.json"]!;
        meta["version"]!.GetValue<long>().ShouldBe(role.Version);
        meta["length"]!.GetValue<long>().ShouldBe(roleBytes.Length);
        meta["hashes"]!["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(roleBytes)));
        var target = role.Signed["targets"]!["customer-novak/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg"]!;
        target["hashes"]!["sha512"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA512.HashData(_novakPackage)));
        (await novak.GetByteArrayAsync(new Uri("/v3/flatcontainer/customer-novak/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg", UriKind.Relative))).ShouldBe(_novakPackage);

        using var manager = await _host.ManagerAsync();
        (await manager.GetAsync(new Uri("/tuf/customer-dvorak.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_static_copy_holds_no_delegated_role_and_a_customers_copy_holds_its_own_role_and_packages_only()
    {
        var shared = Path.Combine(_host.DataDirectory, "export-all");
        var novak = Path.Combine(_host.DataDirectory, "export-novak");

        (await FeedExport.ExportAsync(_host.DataDirectory, shared, "http://127.0.0.1:8080/")).ShouldBe(1);
        (await FeedExport.ExportAsync(_host.DataDirectory, novak, "http://127.0.0.1:8080/", customer: "novak")).ShouldBe(2);

        Files(shared).ShouldNotContain(f => f.Contains("customer-", StringComparison.Ordinal) || f.Contains("fix", StringComparison.Ordinal));
        Files(shared).ShouldContain("tuf/targets.json");
        Files(novak).ShouldContain("tuf/customer-novak.json");
        Files(novak).ShouldContain("v3/flatcontainer/customer-novak/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg");
        Files(novak).ShouldContain("v3/flatcontainer/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg");
        Files(novak).ShouldNotContain(f => f.Contains("dvorak", StringComparison.Ordinal));
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))];

    private static byte[] Bespoke(string id, string customer) =>
        TestPackages.Build(id, "1.0.0", (TestPackages.Manifest(id, "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = customer }).ToJson());

    private static async Task<TufDocument> GetAsync(HttpClient client, string name) =>
        TufDocument.Parse(await client.GetByteArrayAsync(new Uri("/tuf/" + name, UriKind.Relative)), name == "root.json" ? TufRoles.Root : name.Replace(".json", string.Empty, StringComparison.Ordinal));
}
