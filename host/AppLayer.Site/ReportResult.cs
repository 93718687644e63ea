namespace AppLayer.Site;

/// <summary>Reports the host accepted in this run, and those kept for the next one.</summary>
public sealed record ReportResult(int Sent, int Pending);
