using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>
/// A script tag in every text field a user can fill (customer name, installation name, legal change
/// title and reference, a history event's detail) is escaped on every page and in every export.
/// </summary>
public sealed class HtmlInjectionTests : CustomerEndpointsTests.WithManager, IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("evil", "Evil " + Script));
        (await Manager.PutAsJsonAsync("/api/customers/evil/agreement", new SetAgreementRequest([Agreement.ApplicationLayer], ["accounting"]))).EnsureSuccessStatusCode();
        await Manager.PostJsonAsync<InstallationDto>("/api/customers/evil/installations", new CreateInstallationRequest("evil-prod", "Site " + Script, "5.2.0", ["accounting"], null));
        await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Act " + Script, "Title " + Script, "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
        using var publisher = await Host.PublisherAsync();
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Manager.PostJsonAsync<ReleaseDto>("/api/releases", new CreateReleaseRequest("2025.1", ["Cz.Vat2024@1.0.0"]));
        using var site = Host.Client(await Host.KeyAsync(KeyScope.Site, "evil-prod"));
        var at = new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero);
        (await site.PostAsJsonAsync("/api/site/reports", new DeploymentReportDto("r1", "Cz.Vat2024", "1.0.0", "failed", "Detail " + Script, null, at))).EnsureSuccessStatusCode();
        (await site.PostAsJsonAsync("/api/site/reports", new DeploymentReportDto("r2", "Cz.Vat2024", "1.0.0", "applied", "ok", null, at.AddHours(1)))).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("/dashboard", 2)]
    [InlineData("/dashboard/customers/evil", 4)]
    [InlineData("/dashboard/customers/evil?legal=Act%20%3Cscript%3E", 3)]
    [InlineData("/dashboard/customers/evil/changelog", 1)]
    [InlineData("/dashboard/search?q=script", 3)]
    [InlineData("/dashboard/customers/evil/export?format=html", 3)]
    public async Task Html_pages_and_the_html_export_show_the_text_escaped(string path, int atLeast)
    {
        using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (status, body) = await client.PageAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldNotContain("<script", Case.Insensitive);
        (body.Split(Escaped).Length - 1).ShouldBeGreaterThanOrEqualTo(atLeast);
    }

    [Fact]
    public async Task The_markdown_exports_escape_the_tag()
    {
        using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (_, history) = await client.PageAsync("/dashboard/customers/evil/export?format=markdown");
        var changelog = await Manager.GetStringAsync(new Uri("/api/customers/evil/changelog", UriKind.Relative));

        Unescaped(history).ShouldBeFalse();
        history.ShouldContain("\\<script\\>alert(1)\\</script\\>");
        Unescaped(changelog).ShouldBeFalse();
        changelog.ShouldContain("Evil \\<script\\>");
    }

    /// <summary>A tag that Markdown would pass through as HTML: a <c>&lt;</c> not escaped by a backslash.</summary>
    private static bool Unescaped(string markdown) =>
        System.Text.RegularExpressions.Regex.IsMatch(markdown, @"(?<!\\)</?script", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Fact]
    public async Task The_json_export_escapes_the_tag_and_the_csv_export_keeps_it_as_plain_quoted_data()
    {
        using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (_, json) = await client.PageAsync("/dashboard/customers/evil/export?format=json");
        var (_, csv) = await client.PageAsync("/dashboard/customers/evil/export?format=csv");

        json.ShouldNotContain("<script", Case.Insensitive);
        json.ShouldContain("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
        csv.ShouldContain(",Detail <script>alert(1)</script>,");
    }

    [Fact]
    public async Task A_sign_in_return_url_cannot_inject_markup_or_leave_the_site()
    {
        using var client = Host.CreateClient();

        var body = await client.GetStringAsync(new Uri("/dashboard/sign-in?returnUrl=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", UriKind.Relative));
        using var form = new FormUrlEncodedContent([new("key", await Host.KeyAsync(KeyScope.Manager)), new("returnUrl", "//evil.example/")]);
        using var noRedirect = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await noRedirect.PostAsync(new Uri("/dashboard/sign-in", UriKind.Relative), form);

        body.ShouldNotContain("<script", Case.Insensitive);
        response.Headers.Location!.ToString().ShouldBe("/dashboard");
    }
}
