using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Host;
using AppLayer.Protocol;
using Microsoft.Extensions.Logging;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer feed export DIR --data DATA --base-url URL [--watch]</c>: a static copy of the feed and its
/// signed metadata; <c>applayer feed status --data DATA</c>: each signed role's version and expiry;
/// <c>applayer feed verify --data DATA</c>: every stored package against what the feed signed.
/// </summary>
public static class FeedCommand
{
    public static Command Create()
    {
        var command = new Command("feed", "The NuGet feed as files, and its signed metadata.");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Verify());
        return command;
    }

    /// <summary>A duration: <c>36h</c>, <c>2d</c>, <c>90m</c> or a .NET time span (<c>1.12:00:00</c>).</summary>
    internal static TimeSpan ParseDuration(string text, string option)
    {
        var value = text.Trim();
        if (value.Length > 1 && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            switch (value[^1])
            {
                case 'd':
                    return TimeSpan.FromDays(number);
                case 'h':
                    return TimeSpan.FromHours(number);
                case 'm':
                    return TimeSpan.FromMinutes(number);
                default:
                    break;
            }
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new UserException($"{option} '{text}' is not a duration; use e.g. 36h, 2d, 90m or 1.12:00:00.");
    }

    private static Command Export()
    {
        var dir = new Argument<string>("dir") { Description = "Where to write the static copy." };
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "The URL the copy will be served at, e.g. http://127.0.0.1:8080/.", Required = true };
        var customer = new Option<string?>("--customer") { Description = "A copy for this customer's sites: also its bespoke packages and its delegated TUF role." };
        var lifetime = new Option<string?>("--timestamp-lifetime") { Description = "Sign a new timestamp of this lifetime for the copy, e.g. 2d (at most half the snapshot's lifetime; default: copy the host's, which lives 1 day)." };
        var watch = new Option<bool>("--watch") { Description = "Keep the copy fresh: export again every --interval and always before half its validity has passed, until Ctrl+C." };
        var interval = new Option<string>("--interval") { Description = "With --watch: the longest time between two exports (default 1h), so pushes reach the copy.", DefaultValueFactory = _ => "1h" };
        var export = new Command("export", "Write the feed (service index, flat container, registrations, search answers, TUF metadata) as static files.") { dir, data, baseUrl, customer, lifetime, watch, interval };
        export.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var request = new FeedExportRequest(
                parse.GetValue(data)!,
                parse.GetValue(dir)!,
                parse.GetValue(baseUrl)!,
                parse.GetValue(customer),
                parse.GetValue(lifetime) is { } text ? ParseDuration(text, "--timestamp-lifetime") : null);
            if (parse.GetValue(watch))
            {
                var every = ParseDuration(parse.GetValue(interval)!, "--interval");
                using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
                    o.UseUtcTimestamp = true;
                }));
                await FeedExport.WatchAsync(request, every, loggers.CreateLogger("AppLayer.FeedExport"), ct);
                return 0;
            }

            var result = await FeedExport.ExportOnceAsync(request, ct);
            Console.WriteLine($"exported {result.Packages} packages to {Path.GetFullPath(request.TargetDirectory)}; serve it at {request.BaseUrl} (search answers: {FeedExport.SearchLayout})");
            Console.WriteLine($"its signed metadata verifies until {result.ValidUntil:u}: export again before then (--watch, or a timer; see docs/signed-feed.md)");
            return 0;
        }));
        return export;
    }

    private static Command Verify()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var verify = new Command("verify", "Hash every stored package against its signed length and SHA-512; exit 2 when any is damaged.") { data };
        verify.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var report = await FeedSigning.VerifyAsync(parse.GetValue(data)!, ct);
            foreach (var damaged in report.Damaged)
            {
                Console.WriteLine($"DAMAGED {damaged.Id} {damaged.Version}: {damaged.Reason}");
            }

            Console.WriteLine(report.Intact
                ? $"{report.Checked} package(s) checked: every one is the file the feed signed"
                : $"{report.Checked} package(s) checked, {report.Damaged.Count} damaged: the host refuses to serve or export them; push each again from its source");
            return report.Intact ? 0 : 2;
        }));
        return verify;
    }

    private static Command Status()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var status = new Command("status", "Each signed metadata role: version, expiry and when the host signs it again.") { data };
        status.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            var roles = await FeedSigning.StatusAsync(parse.GetValue(data)!, ct);
            Console.WriteLine($"{"file",-28} {"version",8}  {"expires (UTC)",-20}  {"signed again",-20}  state");
            foreach (var role in roles)
            {
                var state = role.IsExpired(now) ? "EXPIRED"
                    : role.RefreshAt is null ? $"{(role.Expires - now).TotalDays:0} days left (offline key: applayer keys rotate --role root)"
                    : role.RefreshAt <= now ? "due now (at the next request or check)"
                    : "fresh";
                Console.WriteLine($"{role.File,-28} {role.Version,8}  {role.Expires:yyyy-MM-dd HH:mm:ss}  {(role.RefreshAt is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-"),-20}  {state}");
            }

            return roles.Any(r => r.IsExpired(now)) ? 2 : 0;
        }));
        return status;
    }
}
