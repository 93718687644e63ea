using System.CommandLine;
using System.Globalization;
using System.Text;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change show ID</c>: one legal change with its packages and audit trail.</summary>
public static class ChangeShowCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var id = new Argument<long>("id") { Description = "Legal change id." };
        var command = new Command("show", "Show a legal change, the update packages serving it and its audit trail.") { id, json, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            using var client = Common.Client(parse, host, key);
            var change = await client.GetAsync<LegalChangeDto>(ApiRoutes.LegalChange(parse.GetValue(id)), ct);
            var audit = await client.GetAsync<List<LegalChangeAuditDto>>(ApiRoutes.LegalChangeAudit(parse.GetValue(id)), ct);
            await output.WriteAsync(parse.GetValue(json)
                ? System.Text.Json.JsonSerializer.Serialize(new { change, audit }, AppLayerClient.Json) + Environment.NewLine
                : Format(change, audit));
            return 0;
        }));
        return command;
    }

    public static string Format(LegalChangeDto change, IEnumerable<LegalChangeAuditDto> audit)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder();
        void Line(string name, string? value) => text.Append(CultureInfo.InvariantCulture, $"{name,-16}{value ?? "-"}").AppendLine();
        Line("legal change", change.Id.ToString(CultureInfo.InvariantCulture));
        Line("title", change.Title);
        Line("references", string.Join("; ", change.References));
        Line("jurisdiction", change.Jurisdiction);
        Line("area", change.Area);
        Line("status", change.StatusReason is null ? change.Status : $"{change.Status} ({change.StatusReason})");
        Line("announced", CliDates.Format(change.AnnouncedOn));
        Line("effective", CliDates.Format(change.EffectiveDate));
        Line("transition end", CliDates.Format(change.TransitionEndsOn));
        Line("modules", change.Modules.Count == 0 ? "all" : string.Join(", ", change.Modules));
        Line("assignee", change.Assignee);
        Line("source", change.SourceUrl);
        Line("imported from", change.ExternalId);
        Line("packages", change.Packages.Count == 0 ? "none yet" : string.Join(", ", change.Packages.Select(p => $"{p.Id} ({p.Link})")));
        var table = new TextTable("when (UTC)", "who", "what", "from", "to");
        foreach (var a in audit)
        {
            table.Add(a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.Actor, a.Field, a.From ?? "-", a.To ?? "-");
        }

        return text.AppendLine().Append(table).ToString();
    }
}
