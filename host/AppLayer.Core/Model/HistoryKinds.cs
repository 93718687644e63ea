namespace AppLayer.Core.Model;

/// <summary>The kinds of <see cref="HistoryEvent"/> the host writes.</summary>
public static class HistoryKinds
{
    public const string LegalChange = "legal-change";
    public const string UpdateApplied = "update-applied";
    public const string UpdateFailed = "update-failed";
    public const string UpdateRolledBack = "update-rolled-back";
}
