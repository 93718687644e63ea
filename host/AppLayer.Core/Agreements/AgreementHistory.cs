namespace AppLayer.Core.Agreements;

/// <summary>Every version of one customer's agreement: which one is in force on a day.</summary>
public sealed class AgreementHistory(IReadOnlyList<ServiceAgreement> versions)
{
    public IReadOnlyList<ServiceAgreement> Versions { get; } = versions;

    /// <returns>
    /// The version in force on <paramref name="day"/>: the latest signed of those already effective
    /// (a later amendment supersedes earlier ones from its effective day on), or <c>null</c> before the first.
    /// </returns>
    public ServiceAgreement? On(DateOnly day) => Versions
        .Where(v => v.EffectiveFrom <= day)
        .MaxBy(v => v.Agreement.Version);
}
