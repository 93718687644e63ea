using System.CommandLine;
using System.Text.Json;
using AppLayer.Site;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer site check [--json]</c>: operational checks and the system software inventory.</summary>
internal static class SiteCheckCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The enrolled IS database (SQLite file).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the findings and inventory as JSON." };
        var clearDamage = new Option<bool>("--clear-damage")
        {
            Description = "After an operator restored an IS database the agent found damaged: run SQLite's integrity_check and, when it is ok, remove the damage mark so apply and run work again.",
        };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("check", "Check the database (integrity, free disk, growth, statistics), the worker sandbox and the server (CPU, memory, uptime); exit 2 on an error finding.") { db, json, clearDamage, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, async () =>
        {
            var agent = new SiteAgent(parse.GetValue(db)!, new SiteAgentOptions { Output = parse.GetValue(json) ? Console.Error : Console.Out });
            if (parse.GetValue(clearDamage))
            {
                await agent.ClearDamageAsync(ct);
            }

            var report = await agent.CheckAsync(ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
                return report.ExitCode;
            }

            foreach (var finding in report.Findings)
            {
                Console.WriteLine($"{finding.Severity.ToUpperInvariant(),-7} {finding.Check}: {finding.Message}{(finding.Recommendation is null ? string.Empty : $" — {finding.Recommendation}")}");
            }

            Console.WriteLine("inventory: " + string.Join(", ", report.Inventory.Select(p => $"{p.Key} {p.Value}")));
            return report.ExitCode;
        }));
        return command;
    }
}
