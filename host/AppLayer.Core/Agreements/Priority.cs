namespace AppLayer.Core.Agreements;

/// <summary>How urgent a ticket is; each has its own response and resolution targets.</summary>
public enum Priority
{
    Urgent,
    High,
    Normal,
    Low,
}
