using AppLayer.Protocol;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Which status may follow which: Announced → Analysed → InDevelopment → Released → Deployed,
/// NotApplicable from any open status, and a few steps back for rework. Deployed is set by the
/// host only, when every entitled installation has applied the change.
/// </summary>
public static class LegalChangeWorkflow
{
    public static IReadOnlyList<LegalChangeStatus> Next(LegalChangeStatus from) => from switch
    {
        LegalChangeStatus.Announced => [LegalChangeStatus.Analysed, LegalChangeStatus.NotApplicable],
        LegalChangeStatus.Analysed => [LegalChangeStatus.InDevelopment, LegalChangeStatus.NotApplicable],
        LegalChangeStatus.InDevelopment => [LegalChangeStatus.Released, LegalChangeStatus.Analysed, LegalChangeStatus.NotApplicable],
        LegalChangeStatus.Released => [LegalChangeStatus.InDevelopment],
        LegalChangeStatus.Deployed => [LegalChangeStatus.InDevelopment],
        LegalChangeStatus.NotApplicable => [LegalChangeStatus.Announced],
        _ => [],
    };

    /// <exception cref="ConflictException">The step is not allowed; the message lists the allowed ones.</exception>
    public static void Check(LegalChangeStatus from, LegalChangeStatus to)
    {
        if (Next(from).Contains(to))
        {
            return;
        }

        var allowed = string.Join(", ", Next(from).Select(s => s.ToName()));
        var automatic = to == LegalChangeStatus.Deployed ? " (deployed is set automatically once every entitled installation has applied it)" : string.Empty;
        throw new ConflictException($"A legal change cannot go from {from.ToName()} to {to.ToName()}{automatic}; allowed from {from.ToName()}: {allowed}.");
    }
}
