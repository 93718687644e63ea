namespace AppLayer.Core.Agreements;

/// <summary>Every version of one customer's agreement: which one is in force on a day.</summary>
public sealed class AgreementHistory(IReadOnlyList<ServiceAgreement> versions)
{
    public IReadOnlyList<ServiceAgreement> Versions { get; } = versions;

    /// <summary>The highest version number so far (0 before the first).</summary>
    public int LatestVersion => Versions.Count == 0 ? 0 : Versions.Max(v => v.Agreement.Version);

    /// <returns>
    /// The version in force on <paramref name="day"/>: of the versions no amendment superseded, the one with the latest
    /// effective day not after <paramref name="day"/> (by effective date, not by signing order: a backdated amendment
    /// applies until the next version's effective day), or <c>null</c> before the first.
    /// </returns>
    public ServiceAgreement? On(DateOnly day) => Versions
        .Where(v => v.IsLive && v.EffectiveFrom <= day)
        .MaxBy(v => (v.EffectiveFrom, v.Agreement.Version));
}
