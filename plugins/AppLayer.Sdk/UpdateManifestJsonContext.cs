using System.Text.Json.Serialization;

namespace AppLayer.Sdk;

/// <summary>
/// Compile-time JSON metadata of the manifest, so reading one (in every update's worker process)
/// needs no reflection over its properties. The options themselves stay in <see cref="UpdateManifest"/>.
/// </summary>
[JsonSerializable(typeof(UpdateManifest))]
internal sealed partial class UpdateManifestJsonContext : JsonSerializerContext;
