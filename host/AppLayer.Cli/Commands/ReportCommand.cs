using System.CommandLine;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer report import FILE</c>: the reports an offline site exported, stored by the host once each (manager or that site's key).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports of offline sites.");
        var file = new Argument<string>("file") { Description = "A file written by 'applayer site report export'." };
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var import = new Command("import", "Send a site's exported reports to the host; reports it has already are skipped (idempotency keys).") { file, host, key };
        import.SetAction((parse, ct) => Run.SafelyAsync(parse, async (stdout, _) =>
        {
            var path = parse.GetValue(file)!;
            var export = Read(path);
            using var client = Common.Client(parse, host, key);
            var result = await client.PostAsync<ReportImportResultDto>(ApiRoutes.ReportsImport, export, ct);
            await stdout.WriteLineAsync($"imported the reports of {result.Installation}: {result.Stored} stored, {result.AlreadyStored} already stored; on the site: applayer site report ack {Path.GetFileName(path)} --db IS.db");
            return 0;
        }));
        command.Subcommands.Add(import);
        return command;
    }

    private static ReportExportDto Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"report file '{path}' does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize<ReportExportDto>(File.ReadAllBytes(path), AppLayerClient.Json)
                ?? throw new UserException($"{Path.GetFileName(path)} is empty.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"{Path.GetFileName(path)} is not a report file: {ex.Message}", ex);
        }
    }
}
