using System.Globalization;

namespace AppLayer.Protocol.Client;

/// <summary>
/// The host's JSON API paths, relative to the host's base address (no leading slash). Every path segment a
/// caller supplies is escaped here; callers append a query string where a resource takes one.
/// </summary>
public static class ApiRoutes
{
    /// <summary>NuGet's publish resource: <c>PUT</c> a package, <c>DELETE</c> <c>{id}/{version}</c> to unlist.</summary>
    public const string PackagePublish = "api/v2/package";

    public const string Customers = "api/customers";
    public const string LegalChanges = "api/legal-changes";
    public const string LegalChangesImport = "api/legal-changes/import";
    public const string Releases = "api/releases";
    public const string Compliance = "api/compliance";
    public const string ReportsImport = "api/reports/import";
    public const string SupportDates = "api/support-dates";
    public const string FlaggedInventory = "api/inventory/flagged";
    public const string Gates = "api/gates";
    public const string Rollouts = "api/rollouts";
    public const string Freezes = "api/freezes";

    /// <summary>Rolled-back updates held per installation (<c>GET</c>, <c>?installation=</c>).</summary>
    public const string Holds = "api/holds";

    /// <summary>Releases one hold (<c>POST</c> <see cref="Api.ReleaseHoldRequest"/>).</summary>
    public const string HoldReleases = "api/holds/releases";

    public const string Tickets = "api/tickets";
    public const string Escalate = "api/service-desk/escalate";
    public const string Consultations = "api/consultations";
    public const string DataFixes = "api/data-fixes";
    public const string Features = "api/features";
    public const string Time = "api/time";

    /// <summary>What the host knows of the site key's installation (<c>GET</c>).</summary>
    public const string SiteMe = "api/site/me";

    /// <summary>The updates the installation is entitled to (<c>GET</c>, with <c>If-None-Match</c>).</summary>
    public const string SiteUpdates = "api/site/updates";

    /// <summary>Deployment reports (<c>POST</c>, with <c>Idempotency-Key</c>).</summary>
    public const string SiteReports = "api/site/reports";

    /// <summary>System software inventories (<c>POST</c>, with <c>Idempotency-Key</c>).</summary>
    public const string SiteInventory = "api/site/inventory";

    /// <summary>Rehearsal reports of gated updates (<c>POST</c>, with <c>Idempotency-Key</c>).</summary>
    public const string SiteRehearsals = "api/site/rehearsals";

    public static string Customer(string? code) => $"{Customers}/{Escape(code)}";

    /// <summary>One rollout, or one of its actions (<c>halt</c>, <c>resume</c>, <c>abort</c>).</summary>
    public static string Rollout(string packageId, string version, string? action = null) =>
        $"{Rollouts}/{Escape(packageId)}/{Escape(version)}" + (action is null ? string.Empty : "/" + action);

    public static string CustomerAgreement(string? code) => Customer(code) + "/agreement";

    public static string CustomerContacts(string? code) => Customer(code) + "/contacts";

    public static string CustomerContactKeys(string? code) => Customer(code) + "/contact-keys";

    public static string CustomerInstallations(string? code) => Customer(code) + "/installations";

    public static string CustomerHistoryExport(string? code) => Customer(code) + "/history/export";

    public static string CustomerBundle(string? code) => Customer(code) + "/bundle";

    public static string CustomerChangelog(string? code) => Customer(code) + "/changelog";

    public static string CustomerStatement(string? code, string month) => Customer(code) + $"/statements/{Escape(month)}";

    public static string CustomerStatements(string? code) => Customer(code) + "/statements";

    public static string Statement(string number) => $"api/statements/{Escape(number)}";

    public static string InstallationKeys(string code) => $"api/installations/{Escape(code)}/keys";

    public static string InstallationInventory(string code) => $"api/installations/{Escape(code)}/inventory";

    public static string LegalChange(long id) => $"{LegalChanges}/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string LegalChangeStatus(long id) => LegalChange(id) + "/status";

    public static string LegalChangePackages(long id) => LegalChange(id) + "/packages";

    public static string LegalChangeAudit(long id) => LegalChange(id) + "/audit";

    public static string SupportDate(string component, string cycle) => $"{SupportDates}/{Escape(component)}/{Escape(cycle)}";

    public static string Gate(string packageId, string version) => $"{Gates}/{Escape(packageId)}/{Escape(version)}";

    public static string GateApprovals(string packageId, string version) => Gate(packageId, version) + "/approvals";

    public static string Ticket(string? id) => $"{Tickets}/{Escape(id)}";

    public static string Ticket(long id) => Ticket(id.ToString(CultureInfo.InvariantCulture));

    public static string Feature(string? reference) => $"{Features}/{Escape(reference)}";

    public static string FeatureQuote(string? reference) => Feature(reference) + "/quote";

    public static string QuoteApproval(string? feature) => FeatureQuote(feature) + "/approve";

    /// <summary>Whether one package version is gated, and approved for the site key's installation (<c>GET</c>).</summary>
    public static string SiteGate(string packageId, string version) => $"api/site/gates/{Escape(packageId)}/{Escape(version)}";

    private static string Escape(string? segment) => Uri.EscapeDataString(segment ?? string.Empty);
}
