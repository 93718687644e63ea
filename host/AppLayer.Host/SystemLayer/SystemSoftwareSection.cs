using AppLayer.Changelog.Templating;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.SystemLayer;
using AppLayer.Host.Dashboard;
using AppLayer.Host.Reports;

namespace AppLayer.Host.SystemLayer;

/// <summary>The customer page's table of each installation's system software and its vendor support.</summary>
internal sealed class SystemSoftwareSection(InventoryService inventory) : ICustomerSection
{
    public string Title => "System software";

    public int Order => 200;

    public async Task<RawHtml> RenderAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var rows = (await inventory.CustomerAsync(customer, null, cancellationToken)).Select(SupportView.Installation).ToList();

        return new RawHtml(HostTemplates.Html.Render("system-software.html", new { Installations = rows }));
    }
}
