namespace AppLayer.Core.Agreements;

/// <summary>Kinds of work, each with its hourly rate in the agreement.</summary>
public enum WorkKind
{
    /// <summary>Help Desk work on a ticket.</summary>
    Support,

    /// <summary>A HotLine consultation.</summary>
    Consultation,

    /// <summary>Fixing a data error.</summary>
    DataFix,

    /// <summary>Developing a feature beyond application-layer support.</summary>
    Development,
}
