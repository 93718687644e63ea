using System.CommandLine;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary>Builds verbs that talk to a host: the verb's own arguments and options, then --host and --key (and --json for lists).</summary>
internal static class HostVerb
{
    /// <summary>A verb whose body runs with a ready <see cref="AppLayerClient"/>; it prints to the console.</summary>
    public static Command Create(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, AppLayerClient, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var command = Build(name, description, symbols, host, key);
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            return await body(parse, client, ct);
        }));
        return command;
    }

    /// <summary>A verb that GETs a list: JSON with --json, else the table <paramref name="format"/> makes of it.</summary>
    public static Command List<T>(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, string> path, Func<List<T>, string> format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(format);
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var command = Build(name, description, symbols, host, key, json);
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var items = await client.GetAsync<List<T>>(path(parse), ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(items);
            }
            else
            {
                Console.Write(format(items));
            }

            return 0;
        }));
        return command;
    }

    private static Command Build(string name, string description, IEnumerable<Symbol> symbols, params Option[] common)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols.Concat(common))
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException($"unsupported symbol {symbol.Name}", nameof(symbols));
            }
        }

        return command;
    }
}
