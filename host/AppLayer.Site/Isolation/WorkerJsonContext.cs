using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppLayer.Site.Isolation;

/// <summary>
/// Compile-time JSON metadata of the agent–worker protocol, so the worker process (one per update)
/// spends no start-up time reflecting over these types. They match the options in <see cref="WorkerJson"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
