namespace AppLayer.Core.Service.Agreements;

/// <summary>How urgent a ticket is; each has its own response and resolution targets.</summary>
public enum Priority
{
    Urgent,
    High,
    Normal,
    Low,
}
