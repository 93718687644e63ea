using System.Net;
using System.Text.Json;
using AppLayer.Cli;
using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.GitHub.Tests.Support;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Sdk;

namespace AppLayer.GitHub.Tests;

/// <summary>
/// <c>applayer compliance</c> against a real host whose clock is fake (2024-01-15), for a fleet in
/// different states: novak applied the VAT update on 2024-01-20, horak applied nothing, dvorak has
/// only payroll (not entitled to the VAT change), and the wage change takes effect on 2025-01-01.
/// </summary>
public sealed class ComplianceCommandTests : LoopbackWorld
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var manager = Manager();
        foreach (var (customer, modules) in new[] { ("novak", new[] { "accounting" }), ("horak", new[] { "accounting", "payroll" }), ("dvorak", new[] { "payroll" }) })
        {
            await manager.PostAsync<CustomerDto>("api/customers", new CreateCustomerRequest(customer, customer), CancellationToken.None);
            await manager.PutAsync<AgreementDto>($"api/customers/{customer}/agreement", new SetAgreementRequest([Agreement.ApplicationLayer], modules), CancellationToken.None);
            await manager.PostAsync<InstallationDto>($"api/customers/{customer}/installations", new CreateInstallationRequest(customer + "-prod", customer, "5.2.0", modules, null), CancellationToken.None);
        }

        (await ApplayerAsync("change", "add", "--reference", "Act No. 349/2023 Coll.", "--title", "VAT 12 %", "--area", "tax", "--effective", "2024-01-01", "--modules", "accounting")).ShouldSucceed();
        (await ApplayerAsync("change", "add", "--reference", "Government Regulation No. 286/2024 Coll.", "--title", "Minimum wage", "--area", "payroll", "--effective", "2025-01-01", "--modules", "payroll")).ShouldSucceed();
        await PushAsync("Cz.Vat2024", "Act No. 349/2023 Coll.", "accounting");
        await PushAsync("Cz.MinimumWage2025", "Government Regulation No. 286/2024 Coll. amending Regulation No. 567/2006 Coll.", "payroll");

        var site = (await manager.PostAsync<CreatedKeyDto>("api/installations/novak-prod/keys", new { }, CancellationToken.None)).Key;
        using var novak = new AppLayerClient(new Uri(HostUrl), site);
        await novak.PostAsync<DeploymentReportDto>(
            "api/site/reports",
            new DeploymentReportDto("novak-vat", "Cz.Vat2024", "1.0.0", "applied", "ok", null, new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero)),
            CancellationToken.None);
    }

    [Fact]
    public async Task Answers_what_if_today_were_the_given_day_sorted_by_risk()
    {
        var result = (await ApplayerAsync("compliance", "--at", "2024-12-10")).ShouldSucceed();

        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("Compliance radar on 2024-12-10 (warning horizon 30 days): 3 exposed, 0 scheduled, 1 applied, 2 not entitled");
        // VAT: 1 exposed × (30 + 344 + 1) = 375 outranks the wage's 2 exposed × (30 − 22 + 1) = 18.
        Row(lines, "375").ShouldBe(["375", "Act No. 349/2023 Coll.", "2024-01-01", "-344", "announced", "1", "0", "1", "VAT 12 %"]);
        Row(lines, "18").ShouldBe(["18", "Government Regulation No. 286/2024 Coll.", "2025-01-01", "22", "announced", "0", "0", "2", "Minimum wage"]);
        Array.FindIndex(lines, l => l.StartsWith("375", StringComparison.Ordinal)).ShouldBeLessThan(Array.FindIndex(lines, l => l.StartsWith("18 ", StringComparison.Ordinal)));
        lines.ShouldContain(l => Cells(l).SequenceEqual(new[] { "novak-prod", "novak", "Act", "No.", "349/2023", "Coll.", "applied", "applied", "2024-01-20" }));
        lines.ShouldContain(l => Cells(l).SequenceEqual(new[] { "horak-prod", "horak", "Act", "No.", "349/2023", "Coll.", "exposed", "missing", "Cz.Vat2024" }));
    }

    [Fact]
    public async Task Takes_today_from_the_hosts_clock_and_counts_an_update_from_the_day_it_was_applied()
    {
        var today = await JsonAsync();
        Time.Advance(TimeSpan.FromDays(10));
        var later = await JsonAsync();
        var summer = await JsonAsync("--at", "2024-07-01");

        (today.At, today.Exposed, today.Scheduled, today.Applied).ShouldBe((new DateOnly(2024, 1, 15), 2, 2, 0));
        (later.At, later.Exposed, later.Scheduled, later.Applied).ShouldBe((new DateOnly(2024, 1, 25), 1, 2, 1));
        var wage = summer.Changes.Single(c => c.Reference.StartsWith("Government", StringComparison.Ordinal));
        wage.Installations.Where(i => i.State != "not-entitled").Select(i => $"{i.Installation} {i.State}").ShouldBe(["dvorak-prod scheduled", "horak-prod scheduled"]);
        wage.Installations[0].Missing.ShouldBe(["Cz.MinimumWage2025"]);
    }

    [Fact]
    public async Task Fails_on_exposed_for_scripts_and_passes_when_nobody_is_exposed()
    {
        var exposed = await ApplayerAsync("compliance", "--at", "2024-01-25", "--fail-on-exposed");
        var clean = await ApplayerAsync("compliance", "--at", "2024-01-25", "--customer", "novak", "--fail-on-exposed");
        var wide = await ApplayerAsync("compliance", "--at", "2024-01-25", "--customer", "dvorak", "--horizon", "400", "--fail-on-exposed");

        exposed.ExitCode.ShouldBe(2);
        exposed.StdErr.Trim().ShouldBe("1 installation(s) exposed on 2024-01-25.");
        clean.ShouldSucceed().StdOut.ShouldStartWith("Compliance radar for novak on 2024-01-25 (warning horizon 30 days): 0 exposed, 0 scheduled, 1 applied, 1 not entitled");
        wide.ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("--at", "2024-02-30", "error: --at '2024-02-30' is not a date in the form YYYY-MM-DD.")]
    [InlineData("--customer", "nobody", "error: the host refused (404 Not Found): Customer 'nobody' does not exist.")]
    [InlineData("--horizon", "-5", "error: --horizon -5 is not a number of days, 0 or more.")]
    public async Task Is_one_line_and_exit_1_for_bad_input(string option, string value, string message)
    {
        var result = await ApplayerAsync("compliance", option, value);

        result.ExitCode.ShouldBe(1);
        result.StdErr.Trim().ShouldBe(message);
    }

    private async Task<ComplianceReportDto> JsonAsync(params string[] args)
    {
        var result = (await ApplayerAsync(["compliance", "--json", .. args])).ShouldSucceed();
        return JsonSerializer.Deserialize<ComplianceReportDto>(result.StdOut, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private async Task PushAsync(string id, string reference, string module)
    {
        var manifest = TestPackages.Manifest(id, "1.0.0", module) with { LegalReferences = [reference], Kind = UpdateKind.Legislative };
        using var publisher = new HttpClient { BaseAddress = new Uri(HostUrl) };
        publisher.DefaultRequestHeaders.Add("X-NuGet-ApiKey", PublishKey);
        using var response = await publisher.PutAsync(new Uri("api/v2/package", UriKind.Relative), new ByteArrayContent(TestPackages.Build(id, "1.0.0", manifest.ToJson())));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static string[] Row(string[] lines, string risk)
    {
        var line = lines.Single(l => l.StartsWith(risk + " ", StringComparison.Ordinal));
        return [.. System.Text.RegularExpressions.Regex.Split(line, " {2,}")];
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
