namespace AppLayer.Core.ServiceDesk.Work;

public enum WorkItemKind
{
    /// <summary>A HotLine consultation.</summary>
    Consultation,

    /// <summary>Removal of a data error.</summary>
    DataFix,

    /// <summary>A feature beyond application-layer support.</summary>
    Feature,
}
