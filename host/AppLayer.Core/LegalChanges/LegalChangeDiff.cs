using AppLayer.Protocol;
using System.Globalization;

namespace AppLayer.Core.LegalChanges;

/// <summary>The audit lines between two states of a legal change: one per field that differs.</summary>
public static class LegalChangeDiff
{
    public static IReadOnlyList<LegalChangeAudit> Between(LegalChange before, LegalChange after, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<LegalChangeAudit>();
        void Compare(string field, string? old, string? now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                lines.Add(new LegalChangeAudit(0, before.Id, at, actor, field, old, now));
            }
        }

        Compare("title", before.Title, after.Title);
        Compare("references", Join(before.References), Join(after.References));
        Compare("jurisdiction", before.Jurisdiction, after.Jurisdiction);
        Compare("area", before.Area, after.Area);
        Compare("source", before.SourceUrl, after.SourceUrl);
        Compare("announced", Date(before.AnnouncedOn), Date(after.AnnouncedOn));
        Compare("effective", Date(before.EffectiveDate), Date(after.EffectiveDate));
        Compare("transition-end", Date(before.TransitionEndsOn), Date(after.TransitionEndsOn));
        Compare("modules", string.Join(", ", before.Modules), string.Join(", ", after.Modules));
        Compare("assignee", before.Assignee, after.Assignee);
        Compare("external-id", before.ExternalId, after.ExternalId);
        Compare("status", Status(before), Status(after));
        return lines;
    }

    /// <summary>The audit line of a change's recording.</summary>
    public static LegalChangeAudit Recorded(LegalChange change, string actor) =>
        new(0, change.Id, change.RecordedAt, actor, "recorded", null, string.Create(
            CultureInfo.InvariantCulture,
            $"{Join(change.References)} ({change.Jurisdiction}); {change.Title}; effective {change.EffectiveDate:yyyy-MM-dd}"));

    public static string Join(IEnumerable<string> references) => string.Join("; ", references);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(LegalChange change) =>
        change.StatusReason is null ? change.Status.ToName() : $"{change.Status.ToName()}: {change.StatusReason}";
}
