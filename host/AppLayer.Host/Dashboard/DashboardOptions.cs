namespace AppLayer.Host.Dashboard;

/// <summary>
/// What the dashboard shows around its pages. Features add their own entry here
/// (<c>services.Configure&lt;DashboardOptions&gt;(o =&gt; o.Nav.Add(new NavEntry("Compliance", "/dashboard/compliance", true)))</c>)
/// and their own customer-page sections by registering an <see cref="ICustomerSection"/>.
/// </summary>
public sealed class DashboardOptions
{
    public IList<NavEntry> Nav { get; } =
    [
        new("Fleet", "/dashboard"),
        new("Compliance", CompliancePage.Path, ManagerOnly: true),
        new("Queue", QueuePage.Path, ManagerOnly: true),
        new("Search", "/dashboard/search"),
        new("API", "/dashboard/api", ManagerOnly: true),
    ];
}
