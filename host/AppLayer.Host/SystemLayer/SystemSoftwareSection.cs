using AppLayer.Changelog.Templating;
using AppLayer.Core.SystemLayer;
using AppLayer.Host.Dashboard;
using AppLayer.Host.Reports;

namespace AppLayer.Host.SystemLayer;

/// <summary>The customer page's table of each installation's system software and its vendor support.</summary>
internal sealed class SystemSoftwareSection(InventoryService inventory) : ICustomerSection
{
    public string Title => "System software";

    public int Order => 200;

    public async Task<RawHtml> RenderAsync(Customer customer, CancellationToken cancellationToken) =>
        Render(await inventory.CustomerAsync(customer, null, cancellationToken));

    /// <summary>With the installations the customer page read: two queries (this customer's inventories, the support dates).</summary>
    public async Task<RawHtml> RenderAsync(Customer customer, IReadOnlyList<Installation> installations, CancellationToken cancellationToken) =>
        Render(await inventory.CustomerAsync(customer, installations, null, cancellationToken));

    private static RawHtml Render(IReadOnlyList<Protocol.Api.InstallationInventoryDto> inventories) =>
        new(HostTemplates.Html.Render("system-software.html", new { Installations = inventories.Select(SupportView.Installation).ToList() }));
}
