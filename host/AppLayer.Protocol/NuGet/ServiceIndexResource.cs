using System.Text.Json.Serialization;

namespace AppLayer.Protocol.NuGet;

/// <summary>One resource of the NuGet v3 service index: its URL, type and what it is for.</summary>
public sealed record ServiceIndexResource(
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("comment")] string Comment);
