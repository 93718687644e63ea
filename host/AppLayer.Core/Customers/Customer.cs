namespace AppLayer.Core.Customers;

public sealed record Customer(long Id, string Code, string Name, DateTimeOffset CreatedAt);
