using AppLayer.Changelog.Templating;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// A section of the customer page (a chart, tickets, SLA, ...). Register one with
/// <c>services.AddSingleton&lt;ICustomerSection, MySection&gt;()</c>; sections show by <see cref="Order"/>.
/// The markup returned must escape any user text (render it with an HTML template of <c>HostTemplates</c>).
/// </summary>
public interface ICustomerSection
{
    string Title { get; }

    int Order { get; }

    Task<RawHtml> RenderAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>
    /// Renders with the customer's installations the page has read already, so a section need not read them again;
    /// a section that does not need them keeps the default.
    /// </summary>
    Task<RawHtml> RenderAsync(Customer customer, IReadOnlyList<Core.Installations.Installation> installations, CancellationToken cancellationToken) =>
        RenderAsync(customer, cancellationToken);
}
