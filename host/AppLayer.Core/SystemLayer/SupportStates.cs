namespace AppLayer.Core.SystemLayer;

/// <summary>How an installed component stands with its vendor's support, worst last.</summary>
public static class SupportStates
{
    public const string Untracked = "untracked";
    public const string Unknown = "unknown";
    public const string Supported = "supported";
    public const string EndingSoon = "ending-soon";
    public const string Unsupported = "unsupported";

    /// <summary>Default warning window: a component whose support ends within this many days is <see cref="EndingSoon"/>.</summary>
    public const int DefaultWithinDays = 90;

    public static int Rank(string state) => state switch
    {
        Unsupported => 4,
        EndingSoon => 3,
        Unknown => 2,
        Supported => 1,
        _ => 0,
    };

    public static bool IsFlagged(string state) => state is Unsupported or EndingSoon;
}
