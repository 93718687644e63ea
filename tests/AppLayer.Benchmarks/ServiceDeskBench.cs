using System.Diagnostics;
using System.Globalization;
using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Host;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Benchmarks;

/// <summary>
/// The escalation scan and the open-ticket list over many open tickets ÷ the same over 100, each on its own data
/// folder in the same run: the median of five runs of each, alternating between the two folders (issue 16's goal: ≤ 3).
/// </summary>
internal static class ServiceDeskBench
{
    private const int Baseline = 100;
    private const int Rounds = 5;

    public static async Task RunAsync(int tickets, string work, TextWriter output)
    {
        await using var small = await SeedAsync(Path.Combine(work, "desk-small"), Baseline);
        await using var large = await SeedAsync(Path.Combine(work, "desk-large"), tickets);
        var scan = new List<(double Small, double Large)>();
        var list = new List<(double Small, double Large)>();
        for (var round = 0; round < Rounds; round++)
        {
            var escalationSmall = await TimeAsync(() => small.GetRequiredService<EscalationService>().RunAsync(CancellationToken.None));
            var escalationLarge = await TimeAsync(() => large.GetRequiredService<EscalationService>().RunAsync(CancellationToken.None));
            scan.Add((escalationSmall, escalationLarge));
            var listLarge = await TimeAsync(() => large.GetRequiredService<TicketService>().ListAsync(null, openOnly: true, CancellationToken.None));
            var listSmall = await TimeAsync(() => small.GetRequiredService<TicketService>().ListAsync(null, openOnly: true, CancellationToken.None));
            list.Add((listSmall, listLarge));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### Service desk: escalation scan and open-ticket list, {tickets:N0} open tickets ÷ {Baseline}"));
        output.WriteLine();
        output.WriteLine("| operation | 100 open (ms, median) | " + tickets.ToString("N0", CultureInfo.InvariantCulture) + " open (ms, median) | ratio | goal |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        Row(output, "escalation scan (`EscalationService.RunAsync`)", scan);
        Row(output, "open-ticket list (`TicketService.ListAsync`, open only)", list);
        output.WriteLine();
    }

    private static void Row(TextWriter output, string name, List<(double Small, double Large)> runs)
    {
        var small = Median(runs.Select(r => r.Small));
        var large = Median(runs.Select(r => r.Large));
        var ratio = large / small;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {small:0.0} | {large:0.0} | {ratio:0.0} | ≤ 3 {(ratio <= 3 ? "met" : "**missed**")} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A data folder with one customer (business hours, Help Desk) and <paramref name="count"/> tickets opened on the phone, all open.</summary>
    private static async Task<ServiceProvider> SeedAsync(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var collection = new ServiceCollection();
        collection.AddLogging();
        var services = collection.AddAppLayerData(folder).BuildServiceProvider();
        await services.GetRequiredService<CustomerService>().CreateAsync(new CreateCustomerRequest("novak", "Novák Strojírny s.r.o."), CancellationToken.None);
        await services.GetRequiredService<AgreementService>().SetAsync("novak", new SetAgreementRequest(["help-desk"], ["accounting"], null, new DateOnly(2024, 1, 1)), CancellationToken.None);
        var tickets = services.GetRequiredService<TicketService>();
        string[] priorities = ["urgent", "high", "normal", "low"];
        for (var i = 0; i < count; i++)
        {
            await tickets.OpenAsync(new OpenTicketRequest("novak", $"Request {i}", "Something does not work.", Priority: priorities[i % 4]), "bench", CancellationToken.None);
        }

        return services;
    }
}
