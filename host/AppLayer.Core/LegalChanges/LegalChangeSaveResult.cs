namespace AppLayer.Core.LegalChanges;

/// <summary>What happened to an update of a legal change in the store.</summary>
public enum LegalChangeSaveResult
{
    Saved,

    /// <summary>Someone else updated the change since it was read (its revision moved on).</summary>
    Stale,

    /// <summary>One of its references (or its external id) belongs to another change.</summary>
    Duplicate,
}
