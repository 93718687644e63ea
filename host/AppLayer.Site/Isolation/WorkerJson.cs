using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppLayer.Site.Isolation;

/// <summary>The JSON settings of the agent–worker protocol (one object per line).</summary>
internal static class WorkerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };
}
