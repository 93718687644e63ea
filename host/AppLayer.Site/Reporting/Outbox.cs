using System.Globalization;
using System.Text.Json;
using AppLayer.Protocol.Api;

namespace AppLayer.Site.Reporting;

/// <summary>
/// <c>&lt;db&gt;.applayer/outbox/</c>: one JSON file per failure report. A failure leaves the IS
/// database untouched, so its report lives beside it until the host has accepted it.
/// </summary>
internal sealed class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _folder;

    public Outbox(string folder) => _folder = folder;

    public async Task<string> WriteAsync(DeploymentReportDto report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var name = report.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + report.ReportId + ".json";
        var path = Path.Combine(_folder, name);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(report, Json), cancellationToken);
        File.Move(temporary, path);
        return path;
    }

    /// <summary>The waiting reports, oldest first; files that are not reports are left alone.</summary>
    public IReadOnlyList<(string Path, DeploymentReportDto Report)> List()
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var reports = new List<(string, DeploymentReportDto)>();
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<DeploymentReportDto>(File.ReadAllText(file), Json) is { ReportId.Length: > 0 } report)
                {
                    reports.Add((file, report));
                }
            }
            catch (JsonException)
            {
                // not ours or damaged by hand; keep it for a person to look at
            }
        }

        return reports;
    }

    public static void Remove(string path) => File.Delete(path);
}
