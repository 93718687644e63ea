namespace AppLayer.Core.ServiceDesk.Contacts;

/// <summary>A person at a customer who may open tickets, follow them on the web form and approve quotes.</summary>
public sealed record Contact(long Id, long CustomerId, string Email, string Name, DateTimeOffset CreatedAt);
