namespace AppLayer.Changelog;

/// <summary>What kind of change a fragment describes; decides its section in the changelog.</summary>
public enum FragmentType
{
    Legislative,
    Feature,
    Fix,
    DataFix,
    Security,
    Maintenance,
}
