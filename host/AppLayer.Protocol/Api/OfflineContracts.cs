namespace AppLayer.Protocol.Api;

// Offline sites: the bundle a manager exports for one customer, and the reports a site exports
// for the host to import. See docs/offline.md.

/// <summary>
/// <c>bundle.json</c> inside an offline bundle: whose it is, when it was made, the signed metadata
/// files it carries (under <c>tuf/</c>) and the installations it has a listing for (<c>listings/{code}.json</c>).
/// </summary>
public sealed record OfflineBundleManifest(
    int Format,
    string Customer,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Metadata,
    IReadOnlyList<string> Installations,
    IReadOnlyList<string> Packages);

/// <summary>
/// A site's unsent reports, as <c>applayer site report export</c> writes them and
/// <c>applayer report import</c> (<c>POST /api/reports/import</c>) takes them. Each report keeps its
/// id, the idempotency key: importing the same file again stores nothing new.
/// </summary>
public sealed record ReportExportDto(
    int Format,
    string Installation,
    string Customer,
    DateTimeOffset ExportedAt,
    IReadOnlyList<DeploymentReportDto> Reports);

/// <summary>What an import did: reports stored now, and reports the host had already.</summary>
public sealed record ReportImportResultDto(string Installation, int Stored, int AlreadyStored);
