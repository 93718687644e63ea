namespace AppLayer.Feed.Integrity;

/// <summary>One full check of every stored package against its row and the signed targets.</summary>
public sealed record IntegrityReport(int Checked, IReadOnlyList<DamagedPackage> Damaged, DateTimeOffset At)
{
    public bool Intact => Damaged.Count == 0;
}
