using AppLayer.Cli.Commands;
using AppLayer.Core.Agreements;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Core.LegalChanges;
using AppLayer.DemoIs;
using AppLayer.Host;
using AppLayer.Site;

namespace AppLayer.Cli.Demo;

/// <summary>
/// The whole story on one machine: a host on a free loopback port with a fresh data folder, two
/// customers, two Czech legal changes, the two sample update plugins published over HTTP, two
/// site agents applying them to their own IS databases, the compliance radar before and after they
/// apply, and each customer's change history.
/// </summary>
internal sealed class DemoStory(TextWriter output)
{
    private static readonly DemoCustomer[] Customers =
    [
        new("novak", "Novák Strojírny s.r.o.", "novak-prod", "Strojírny Novák, Jihlava"),
        new("horak", "Horák Logistika a.s.", "horak-prod", "Horák Logistika, Brno"),
    ];

    private static readonly CreateLegalChangeRequest[] LegalChanges =
    [
        new("Act No. 349/2023 Coll.", "VAT: reduced rates of 15 % and 10 % merged into 12 %", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]),
        new("Government Regulation No. 286/2024 Coll.", "Minimum wage CZK 20,800 a month and CZK 124.40 an hour", "CZ", "payroll", new DateOnly(2025, 1, 1), ["payroll"]),
    ];

    public async Task<int> RunAsync(string? dataFolder, string? packagesFolder, bool serve, CancellationToken cancellationToken)
    {
        var root = dataFolder is null ? Directory.CreateTempSubdirectory("applayer-demo-").FullName : Path.GetFullPath(dataFolder);
        var hostData = Path.Combine(root, "host");
        Step($"data folder {root}");

        var managerKey = (await AppLayerHost.CreateKeyAsync(hostData, KeyScope.Manager, null, null, cancellationToken)).Key;
        var publishKey = (await AppLayerHost.CreateKeyAsync(hostData, KeyScope.Publish, null, null, cancellationToken)).Key;
        await using var host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = hostData, Urls = "http://127.0.0.1:0" }, cancellationToken);
        Step($"host listening on {host.BaseAddress}");

        using var manager = new AppLayerClient(host.BaseAddress, managerKey);
        foreach (var customer in Customers)
        {
            await manager.PostAsync<CustomerDto>(ApiRoutes.Customers, new CreateCustomerRequest(customer.Code, customer.Name), cancellationToken);
            await manager.PutAsync<AgreementDto>(ApiRoutes.CustomerAgreement(customer.Code), new SetAgreementRequest(["help-desk", "hotline", Agreement.ApplicationLayer], ["accounting", "payroll"]), cancellationToken);
            await manager.PostAsync<InstallationDto>(ApiRoutes.CustomerInstallations(customer.Code), new CreateInstallationRequest(customer.Installation, customer.Site, DemoIsDatabase.DefaultIsVersion, ["accounting", "payroll"], "Europe/Prague"), cancellationToken);
            Step($"customer {customer.Code} ({customer.Name}) with agreement and installation {customer.Installation}");
        }

        var recorded = new List<LegalChangeDto>();
        foreach (var change in LegalChanges)
        {
            recorded.Add(await manager.PostAsync<LegalChangeDto>(ApiRoutes.LegalChanges, change, cancellationToken));
            Step($"legal change recorded: {change.Reference}, effective {change.EffectiveDate:yyyy-MM-dd}");
        }

        var packages = await DemoPackages.LocateAsync(packagesFolder, root, output, cancellationToken);
        using (var publisher = new AppLayerClient(host.BaseAddress, publishKey))
        {
            foreach (var package in packages)
            {
                await publisher.PushAsync(package, cancellationToken);
                Step($"published {Path.GetFileName(package)}");
            }
        }

        var release = await manager.PostAsync<ReleaseDto>(ApiRoutes.Releases, new CreateReleaseRequest("2025.1", ["Cz.Vat2024@1.0.0", "Cz.MinimumWage2025@1.0.0"]), cancellationToken);
        Step($"release {release.Name}: {string.Join(", ", release.Packages)}");

        await ReleaseAsync(manager, recorded, cancellationToken);
        await ShowRadarAsync(manager, "before the sites apply", cancellationToken);

        var failed = 0;
        foreach (var customer in Customers)
        {
            failed += await RunSiteAsync(host.BaseAddress, manager, customer, Path.Combine(root, "sites"), cancellationToken);
        }

        await ShowRadarAsync(manager, "after the sites applied", cancellationToken);
        foreach (var change in await manager.GetAsync<List<LegalChangeDto>>(ApiRoutes.LegalChanges, cancellationToken))
        {
            Step($"legal change {change.Reference}: {change.Status}");
        }

        foreach (var customer in Customers)
        {
            output.WriteLine();
            output.WriteLine($"Change history of {customer.Code} ({customer.Name})");
            output.Write(HistoryCommand.Format(await HistoryCommand.FetchAsync(manager, customer.Code, cancellationToken)));
        }

        output.WriteLine();
        await new DemoServiceDesk(output, manager, TimeProvider.System).RunAsync(Customers[0].Code, cancellationToken);

        if (failed > 0)
        {
            output.WriteLine($"{failed} update(s) failed; see the histories above.");
            return Run.UserError;
        }

        if (serve)
        {
            output.WriteLine();
            var contact = await manager.PostAsync<CreatedKeyDto>(ApiRoutes.CustomerContactKeys(Customers[0].Code), new { }, cancellationToken);
            output.WriteLine($"The host keeps running at {host.BaseAddress} (Ctrl+C stops it).");
            output.WriteLine($"  dashboard: {new Uri(host.BaseAddress, "dashboard")} (sign in with the manager key)");
            output.WriteLine($"  manager key: {managerKey}");
            output.WriteLine($"  contact key of {Customers[0].Code} (sees only that customer): {contact.Key}");
            output.WriteLine($"  publish key: {publishKey}");
            output.WriteLine($"  try: applayer history novak --host {host.BaseAddress} --key {managerKey}");
            await host.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

    private async Task<int> RunSiteAsync(Uri host, AppLayerClient manager, DemoCustomer customer, string sitesFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(sitesFolder);
        var database = Path.Combine(sitesFolder, customer.Installation + ".db");
        var siteKey = await manager.PostAsync<CreatedKeyDto>(ApiRoutes.InstallationKeys(customer.Installation), new { }, cancellationToken);
        await DemoIsDatabase.CreateAsync(database, company: customer.Name, cancellationToken: cancellationToken);
        var agent = new SiteAgent(database, new SiteAgentOptions { Output = output });
        await agent.EnrollAsync(host.AbsoluteUri, siteKey.Key, cancellationToken);
        Step($"site {customer.Installation}: demo IS at {database}, enrolled; pulling and applying");
        var result = await agent.RunAsync(cancellationToken);
        return result.Apply.Failed;
    }

    /// <summary>The work items move through the workflow as the updates are written and released.</summary>
    private async Task ReleaseAsync(AppLayerClient manager, IEnumerable<LegalChangeDto> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            foreach (var status in new[] { "analysed", "in-development", "released" })
            {
                await manager.PostAsync<LegalChangeDto>(ApiRoutes.LegalChangeStatus(change.Id), new SetLegalChangeStatusRequest(status), cancellationToken);
            }

            Step($"legal change {change.Reference}: analysed, in development, released");
        }
    }

    private async Task ShowRadarAsync(AppLayerClient manager, string when, CancellationToken cancellationToken)
    {
        var radar = await ComplianceCommand.FetchAsync(manager, null, null, null, cancellationToken);
        output.WriteLine();
        output.WriteLine($"Compliance radar {when}");
        output.Write(ComplianceFormat.Format(radar));
        output.WriteLine();
    }

    private void Step(string text) => output.WriteLine($"==> {text}");

    private sealed record DemoCustomer(string Code, string Name, string Installation, string Site);
}
