using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Keys;
using AppLayer.Feed.Indexing;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Tests.Logging;

/// <summary>The structured log lines of a real push and of reports taken in online and from a report file: event ids and properties.</summary>
public sealed class StructuredLogTests : IAsyncLifetime
{
    private readonly HostFactory _host = new(("Logging:LogLevel:AppLayer", "Information"));
    private readonly CapturingLoggerProvider _logs = new();
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        _host.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        _manager = await _host.ManagerAsync();
        await _manager.CoveredCustomerAsync("novak", "accounting");
    }

    public async Task DisposeAsync()
    {
        _manager.Dispose();
        await _host.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task A_push_logs_received_validated_stored_and_signed_and_a_repeat_is_refused_with_its_reason()
    {
        var package = TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting");
        using var publisher = await _host.PublisherAsync();

        (await publisher.PushAsync(package)).StatusCode.ShouldBe(HttpStatusCode.Created);

        _logs.WithId(4000).ShouldHaveSingleItem().Properties["Bytes"].ShouldBe((long)package.Length);
        var validated = _logs.WithId(4001).ShouldHaveSingleItem();
        validated.Properties["PackageId"].ShouldBe("Cz.Vat2024");
        validated.Properties["Version"].ShouldBe("1.0.0");
        ((string)validated.Properties["Sha512"]!).Length.ShouldBe(88);
        var stored = _logs.WithId(4003).ShouldHaveSingleItem();
        stored.Properties["PackageId"].ShouldBe("Cz.Vat2024");
        stored.Properties["Bytes"].ShouldBe((long)package.Length);
        var signed = _logs.WithId(4004).ShouldHaveSingleItem();
        signed.Properties["PackageId"].ShouldBe("Cz.Vat2024");
        var targetsVersion = (long)signed.Properties["TargetsVersion"]!;
        _logs.WithId(4101).ShouldContain(s => (string)s.Properties["File"]! == "targets.json" && (long)s.Properties["Version"]! == targetsVersion && (string)s.Properties["Trigger"]! == "push");
        _logs.WithId(4002).ShouldBeEmpty();

        (await publisher.PushAsync(package)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var refused = _logs.WithId(4002).ShouldHaveSingleItem();
        refused.Level.ShouldBe(LogLevel.Warning);
        refused.Properties["Result"].ShouldBe(PackageIndexingResult.AlreadyExists);
        ((string)refused.Properties["Reason"]!).ShouldContain("Cz.Vat2024");
        _logs.WithId(4003).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_report_logs_received_recorded_and_a_repeat_as_recorded_before()
    {
        await PushAsync();
        using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));
        var report = new DeploymentReportDto("r-1", "Cz.Vat2024", "1.0", "applied", "ok", null, _host.Time.GetUtcNow());

        (await site.PostAsJsonAsync("/api/site/reports", report)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await site.PostAsJsonAsync("/api/site/reports", report)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _logs.WithId(4040).Count.ShouldBe(2);
        var recorded = _logs.WithId(4041).ShouldHaveSingleItem();
        recorded.Properties["ReportId"].ShouldBe("r-1");
        recorded.Properties["PackageId"].ShouldBe("Cz.Vat2024");
        recorded.Properties["Version"].ShouldBe("1.0.0");
        recorded.Properties["Status"].ShouldBe("applied");
        var installation = (long)recorded.Properties["InstallationId"]!;
        var repeat = _logs.WithId(4042).ShouldHaveSingleItem();
        repeat.Properties["ReportId"].ShouldBe("r-1");
        repeat.Properties["InstallationId"].ShouldBe(installation);
    }

    [Fact]
    public async Task A_report_file_logs_received_each_report_and_the_import_and_a_bad_file_is_refused_with_its_reason()
    {
        await PushAsync();
        var at = _host.Time.GetUtcNow();
        var applied = new DeploymentReportDto("r-1", "Cz.Vat2024", "1.0.0", "applied", "ok", null, at);

        (await _manager.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "novak-prod", "novak", at, [applied, applied with { ReportId = "r-2" }]))).EnsureSuccessStatusCode();
        (await _manager.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "novak-prod", "novak", at, [applied with { PackageId = "No.Such" }]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        _logs.WithId(4044).Select(r => r.Properties["Reports"]).ShouldBe([2, 1]);
        _logs.WithId(4041).Select(r => r.Properties["ReportId"]).ShouldBe(["r-1", "r-2"]);
        var imported = _logs.WithId(4043).ShouldHaveSingleItem();
        imported.Properties["Installation"].ShouldBe("novak-prod");
        imported.Properties["Stored"].ShouldBe(2);
        imported.Properties["Repeated"].ShouldBe(0);
        var refused = _logs.WithId(4045).ShouldHaveSingleItem();
        refused.Properties["Installation"].ShouldBe("novak-prod");
        ((string)refused.Properties["Reason"]!).ShouldContain("No.Such");
    }

    private async Task PushAsync()
    {
        using var publisher = await _host.PublisherAsync();
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
