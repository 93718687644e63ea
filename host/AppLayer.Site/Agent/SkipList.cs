using System.Text.Json;

namespace AppLayer.Site.Agent;

/// <summary>
/// <c>&lt;db&gt;.applayer/skipped.json</c>: the listed updates the last pull could not verify. The plan shows
/// them, and an update that needs one of them waits; the next pull replaces the list.
/// </summary>
internal sealed class SkipList(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IReadOnlyList<SkippedUpdate> Read()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<SkippedUpdate>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException)
        {
            return []; // damaged by hand: the next pull writes it again
        }
    }

    /// <summary>Replaces the list; an empty one removes the file.</summary>
    public void Write(IReadOnlyList<SkippedUpdate> skipped)
    {
        if (skipped.Count == 0)
        {
            File.Delete(path);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(skipped, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
