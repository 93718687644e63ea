using AppLayer.Protocol;
using AppLayer.Core.Agreements;

namespace AppLayer.Core.ServiceDesk;

/// <summary>
/// The supplier's side of the Help Desk (<c>AppLayer:ServiceDesk</c>): who gets escalations and when a
/// warning is due.
/// </summary>
public sealed class ServiceDeskSettings
{
    /// <summary>The address breach warnings go to when no lead in <see cref="Leads"/> matches (the Help Desk lead).</summary>
    public string EscalationAddress { get; set; } = "escalation@helpdesk.applayer.local";

    /// <summary>
    /// Leads by customer and priority: keys <c>CUSTOMER/PRIORITY</c>, <c>CUSTOMER</c> or <c>*/PRIORITY</c>
    /// (e.g. <c>AppLayer__ServiceDesk__Leads__novak/urgent=lead@example.cz</c>); the most specific key wins,
    /// then <see cref="EscalationAddress"/>.
    /// </summary>
    public Dictionary<string, string> Leads { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A warning goes out when this share of a target has run.</summary>
    public int WarnAtPercent { get; set; } = 80;

    /// <summary>Who hears of an escalation of <paramref name="customer"/>'s ticket of <paramref name="priority"/>.</summary>
    public string LeadFor(string customer, Priority priority)
    {
        var name = KebabNames.Of(priority);
        foreach (var key in (ReadOnlySpan<string>)[$"{customer}/{name}", customer, $"*/{name}"])
        {
            if (Leads.TryGetValue(key, out var lead) && !string.IsNullOrWhiteSpace(lead))
            {
                return lead.Trim();
            }
        }

        return EscalationAddress;
    }
}
