using System.Text.Json;
using System.Text.Json.Serialization;
using AppLayer.Core.Api;

namespace AppLayer.Site.Reporting;

/// <summary>Compile-time JSON metadata of the outbox payload (web defaults), written inside every update's worker.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeploymentReportDto))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
