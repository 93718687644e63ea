namespace AppLayer.Core.LegalChanges;

/// <summary>The workflow of a legal change (see <see cref="LegalChangeWorkflow"/>).</summary>
public enum LegalChangeStatus
{
    Announced,
    Analysed,
    InDevelopment,
    Released,

    /// <summary>Set by the host when every entitled installation has applied the change's updates.</summary>
    Deployed,

    /// <summary>Nothing to do for the IS; always with a reason.</summary>
    NotApplicable,
}
