using System.Text.Json;
using AppLayer.Sdk;
using McMaster.NETCore.Plugins;
using Microsoft.Data.Sqlite;
using NuGet.Frameworks;

namespace AppLayer.Site.Isolation;

/// <summary>
/// What a worker does while it waits for its request: it runs, once, on throw-away inputs, the code
/// every request needs (reading the request and manifest JSON, SQLite's native library and a
/// statement, a plugin load context), so that the request itself no longer pays for loading and
/// compiling it. It touches no file of the site and nothing it does can fail a request.
/// </summary>
internal static class WorkerWarmUp
{
    public static void Run()
    {
        try
        {
            var manifest = new UpdateManifest { Id = "Warm.Up", Version = "1.0.0", Kind = UpdateKind.DataFix, Title = "warm-up" };
            var request = new WorkerRequest(
                WorkerMode.Apply,
                ":memory:",
                AppContext.BaseDirectory,
                manifest.ToJson(),
                string.Empty,
                new InstallationFacts("warm", "warm", "1.0.0", [], "UTC"),
                string.Empty,
                DateTimeOffset.UnixEpoch,
                null);
            var read = JsonSerializer.Deserialize<WorkerRequest>(JsonSerializer.Serialize(request, WorkerJson.Options), WorkerJson.Options);
            _ = UpdateManifest.Parse(read!.Manifest);
            JsonSerializer.Serialize(new WorkerMessage(WorkerMessage.Log, Line: "warm"), WorkerJson.Options);

            using (var connection = new SqliteConnection("Data Source=:memory:;Pooling=False"))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT 1";
                _ = command.ExecuteScalar();
                transaction.Rollback();
            }

            // A load context over the Sdk itself: the same loader code a plugin's load runs, then unloaded.
            using var loader = PluginLoader.CreateFromAssemblyFile(typeof(IUpdate).Assembly.Location, [typeof(IUpdate)], config => config.IsUnloadable = true);
            _ = loader.LoadDefaultAssembly().GetExportedTypes();
            _ = new FrameworkReducer().GetNearest(NuGetFramework.Parse("net10.0"), [NuGetFramework.ParseFolder("net8.0")]);
        }
#pragma warning disable CA1031 // a warm-up is only ever an optimisation; the request reports its own failures
        catch (Exception)
#pragma warning restore CA1031
        {
            // nothing: the request runs cold
        }
    }
}
