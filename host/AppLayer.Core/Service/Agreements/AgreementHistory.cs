namespace AppLayer.Core.Service.Agreements;

/// <summary>Every version of one customer's agreement: which one is in force on a day.</summary>
public sealed class AgreementHistory(IReadOnlyList<ServiceAgreement> versions)
{
    public IReadOnlyList<ServiceAgreement> Versions { get; } = versions;

    /// <returns>The newest version effective on <paramref name="day"/>, or <c>null</c> before the first.</returns>
    public ServiceAgreement? On(DateOnly day) => Versions
        .Where(v => v.EffectiveFrom <= day)
        .OrderBy(v => v.EffectiveFrom)
        .ThenBy(v => v.Agreement.Version)
        .LastOrDefault();
}
