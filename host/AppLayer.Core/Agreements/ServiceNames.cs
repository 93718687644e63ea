namespace AppLayer.Core.Agreements;

/// <summary>The services an agreement may include (Help Desk always).</summary>
public static class ServiceNames
{
    public const string HelpDesk = "help-desk";
    public const string HotLine = "hotline";
    public const string ApplicationLayer = "application-layer";
    public const string SystemLayer = "system-layer";
    public const string Operational = "operational";
    public const string CustomerSupport = "customer-support";

    public static IReadOnlyList<string> All { get; } = [HelpDesk, HotLine, ApplicationLayer, SystemLayer, Operational, CustomerSupport];
}
