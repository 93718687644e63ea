namespace AppLayer.Site.Agent;

/// <summary>One row of <c>applayer_rollbacks</c>: an applied update taken back, and how.</summary>
internal sealed record RollbackEntry(string PackageId, string Version, string Method, string Message, DateTimeOffset At, string ReportId);
