using System.Text.Json;

namespace AppLayer.Site.SystemLayer;

/// <summary>
/// Reports of one kind waiting for the host (<c>*.json</c>, written atomically) and, once it took them, kept in <c>sent/</c>.
/// </summary>
internal sealed class ReportFolder<T>(string folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Sent => Path.Combine(folder, "sent");

    public void Write(string reportId, T report)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, reportId + ".json");
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(report, Json));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    public IReadOnlyList<(string File, T Report)> Pending() => Read(folder);

    public IReadOnlyList<T> All() => [.. Read(folder).Concat(Read(Sent)).Select(p => p.Report)];

    public void MarkSent(string file)
    {
        Directory.CreateDirectory(Sent);
        File.Move(file, Path.Combine(Sent, Path.GetFileName(file)), overwrite: true);
    }

    private static List<(string File, T Report)> Read(string from)
    {
        if (!Directory.Exists(from))
        {
            return [];
        }

        var reports = new List<(string, T)>();
        foreach (var file in Directory.EnumerateFiles(from, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json) is { } report)
                {
                    reports.Add((file, report));
                }
            }
            catch (JsonException)
            {
                // a torn or foreign file is not a report
            }
        }

        return reports;
    }
}
