using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change status ID STATUS [--reason R]</c>: the next step of the workflow.</summary>
public static class ChangeStatusCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<long>("id") { Description = "Legal change id." };
        var status = new Argument<string>("status") { Description = "analysed, in-development, released, not-applicable or announced (deployed is set by the host)." };
        var reason = new Option<string>("--reason") { Description = "Why it is not applicable (required for not-applicable)." };
        var command = new Command("status", "Move a legal change to another status of its workflow.") { id, status, reason, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            using var client = Common.Client(parse, host, key);
            var change = await client.PostAsync<LegalChangeDto>(
                ApiRoutes.LegalChangeStatus(parse.GetValue(id)),
                new SetLegalChangeStatusRequest(parse.GetValue(status)!, parse.GetValue(reason)),
                ct);
            await output.WriteLineAsync($"legal change {change.Id} ({change.Reference}) is {change.Status}");
            return 0;
        }));
        return command;
    }
}
