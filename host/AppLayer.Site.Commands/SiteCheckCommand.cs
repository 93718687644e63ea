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
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("check", "Check the database (integrity, free disk, growth, statistics), the worker sandbox and the server (CPU, memory, uptime); exit 2 on an error finding.") { db, json, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, async () =>
        {
            var report = await new SiteAgent(parse.GetValue(db)!, new SiteAgentOptions { Output = parse.GetValue(json) ? Console.Error : Console.Out }).CheckAsync(ct);
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
