using AppLayer.Protocol;

namespace AppLayer.Core.LegalChanges;

/// <summary>The names of <see cref="LegalChangeStatus"/> in the API, the CLI and the database.</summary>
public static class LegalChangeStatusNames
{
    public static string ToName(this LegalChangeStatus status) => status switch
    {
        LegalChangeStatus.Announced => "announced",
        LegalChangeStatus.Analysed => "analysed",
        LegalChangeStatus.InDevelopment => "in-development",
        LegalChangeStatus.Released => "released",
        LegalChangeStatus.Deployed => "deployed",
        LegalChangeStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown legal change status."),
    };

    /// <exception cref="UserException">The name is not a status.</exception>
    public static LegalChangeStatus Parse(string? name) =>
        name?.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "announced" => LegalChangeStatus.Announced,
            "analysed" or "analyzed" => LegalChangeStatus.Analysed,
            "indevelopment" => LegalChangeStatus.InDevelopment,
            "released" => LegalChangeStatus.Released,
            "deployed" => LegalChangeStatus.Deployed,
            "notapplicable" => LegalChangeStatus.NotApplicable,
            _ => throw new UserException(
                $"Legal change status '{name}' is unknown; use {string.Join(", ", Enum.GetValues<LegalChangeStatus>().Select(s => s.ToName()))}."),
        };
}
