namespace AppLayer.Core.Compliance;

/// <summary>One installation's standing towards one legal change on a given day.</summary>
public enum ComplianceState
{
    /// <summary>Not applied while the effective date is within the warning horizon or past.</summary>
    Exposed,

    /// <summary>Not applied yet, with the effective date beyond the warning horizon.</summary>
    Scheduled,

    /// <summary>Every update the installation is entitled to for the change is applied.</summary>
    Applied,

    /// <summary>The customer's agreement or the installation's modules do not cover the change.</summary>
    NotEntitled,
}
