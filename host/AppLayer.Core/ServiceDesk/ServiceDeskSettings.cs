namespace AppLayer.Core.ServiceDesk;

/// <summary>The supplier's side of the Help Desk: where escalations go and when a warning is due.</summary>
public sealed class ServiceDeskSettings
{
    /// <summary>The address breach warnings go to (the Help Desk lead).</summary>
    public string EscalationAddress { get; set; } = "escalation@helpdesk.applayer.local";

    /// <summary>A warning goes out when this share of a target has run.</summary>
    public int WarnAtPercent { get; set; } = 80;
}
