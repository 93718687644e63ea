namespace AppLayer.Sdk;

/// <summary>What an update is for; decides who may receive it and whether it is billable.</summary>
public enum UpdateKind
{
    /// <summary>A change forced by law or regulation; covered by application-layer support.</summary>
    Legislative,

    /// <summary>A correction of data in one customer's IS database.</summary>
    DataFix,

    /// <summary>Bespoke functionality for one customer.</summary>
    Feature,

    /// <summary>An operational check that reads the IS database and reports findings.</summary>
    Check,
}
