namespace AppLayer.Core.Agreements;

/// <summary>
/// One version of a customer's agreement with its terms, in force from <see cref="EffectiveFrom"/> until the next
/// version's effective day, unless a later amendment superseded it (<see cref="SupersededBy"/>: it is then never in force).
/// </summary>
public sealed record ServiceAgreement(Agreement Agreement, DateOnly EffectiveFrom, AgreementTerms Terms, int? SupersededBy = null)
{
    public bool Includes(string service) => Agreement.Services.Contains(service, StringComparer.OrdinalIgnoreCase);

    public bool IsLive => SupersededBy is null;
}
