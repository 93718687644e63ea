using AppLayer.Protocol;

namespace AppLayer.Core.LegalChanges;

/// <summary>Reading <see cref="LegalChangeStatus"/> names (written with <see cref="KebabNames.ToName{TEnum}"/>).</summary>
public static class LegalChangeStatusNames
{
    /// <exception cref="UserException">The name is not a status.</exception>
    public static LegalChangeStatus Parse(string? name) =>
        string.Equals(name?.Trim(), "analyzed", StringComparison.OrdinalIgnoreCase)
            ? LegalChangeStatus.Analysed
            : KebabNames.Parse<LegalChangeStatus>(name ?? string.Empty, "Legal change status");
}
