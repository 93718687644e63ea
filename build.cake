// AppLayer build: ./build.sh TARGET (Build, Test, Pack, Demo).
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var artifacts = MakeAbsolute(Directory("./artifacts"));
var packages = artifacts.Combine("packages");
var testResults = artifacts.Combine("test-results");
var solution = File("./AppLayer.sln");

var msbuild = new DotNetMSBuildSettings().SetMaxCpuCount(0);

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = msbuild,
    });
});

// What the tests need besides the SDK (nginx, Chromium, securesystemslib, tuf-js...): installed
// when missing and running as root, else named with the command that installs them.
Task("Prerequisites")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = new ProcessArgumentBuilder().AppendQuoted(MakeAbsolute(File("./tests/prerequisites.sh")).FullPath) });
    if (exit != 0)
    {
        throw new Exception("The tests' prerequisites are missing (see the line above).");
    }
});

Task("Test")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);
    var httpCache = artifacts.Combine("nuget-http-cache");
    EnsureDirectoryExists(httpCache);
    CleanDirectory(httpCache);
    var failure = default(Exception);
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx", "console;verbosity=normal" },
            // Tests start many servers on loopback ports the OS reuses; a fresh NuGet HTTP cache per
            // run keeps one server's cached service index from answering for another's.
            // The browser tests drive Debian's Chromium; Playwright never downloads one.
            EnvironmentVariables = new Dictionary<string, string> { ["NUGET_HTTP_CACHE_PATH"] = httpCache.FullPath, ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1" },
        });
    }
    catch (Exception ex)
    {
        failure = ex;
    }

    // Sum every test project's counters into one line, which CI reads.
    int passed = 0, failed = 0, skipped = 0;
    var failures = new List<string>();
    foreach (var trx in GetFiles(testResults.FullPath + "/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
        passed += Read("passed");
        failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
        skipped += Read("notExecuted");
        foreach (var result in XDocument.Load(trx.FullPath).Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var outcome = result.Attribute("outcome")?.Value;
            if (outcome is "Passed" or "NotExecuted")
            {
                continue;
            }

            var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "";
            var firstLine = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            failures.Add($"FAILED {result.Attribute("testName")?.Value} ({outcome}): {(firstLine.Length > 300 ? firstLine[..300] : firstLine)}");
        }
    }

    // The failing tests' names go to the end of the output, where a reader of a long log looks.
    System.IO.File.WriteAllLines(testResults.CombineWithFilePath("failures.txt").FullPath, failures);
    foreach (var line in failures)
    {
        Error(line);
    }

    var summary = $"{passed} passed, {failed} failed, {skipped} skipped";
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, summary + Environment.NewLine);
    Information(summary);
    if (failure is not null)
    {
        throw new Exception("Some tests failed: " + summary, failure);
    }

    if (passed == 0)
    {
        throw new Exception("No test ran.");
    }
});

Task("Pack")
    .Does(() =>
{
    EnsureDirectoryExists(packages);
    CleanDirectory(packages);
    // Template content (plugins/AppLayer.Templates/content/...) is packed inside AppLayer.Templates, never on its own.
    var projects = GetFiles("./plugins/**/*.csproj").Where(p => !p.GetFilenameWithoutExtension().ToString().EndsWith(".Tests") && !p.FullPath.Contains("/content/"))
        // The two tools: applayer (the host, the supplier's verbs and the site agent) and AppLayer.Agent (the site agent alone, for customer sites).
        .Concat(GetFiles("./host/AppLayer.Cli/AppLayer.Cli.csproj"))
        .Concat(GetFiles("./host/AppLayer.Site.Cli/AppLayer.Site.Cli.csproj"));
    foreach (var project in projects)
    {
        DotNetPack(project.FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            OutputDirectory = packages,
            MSBuildSettings = msbuild,
        });
    }
});

Task("Demo")
    .IsDependentOn("Build")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var cli = File($"./host/AppLayer.Cli/bin/{configuration}/net10.0/applayer.dll");
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(MakeAbsolute(cli).FullPath).Append("demo").Append("--packages").AppendQuoted(packages.FullPath),
    });
    if (exit != 0)
    {
        throw new Exception($"applayer demo exited with {exit}");
    }
});

// Benchmarks: each is its own task; Bench runs them all (add yours with another IsDependentOn).
Task("BenchHistory")
    .Does(() =>
{
    var output = artifacts.Combine("bench").CombineWithFilePath("history.md");
    DotNetRun("./bench/AppLayer.History.Bench/AppLayer.History.Bench.csproj", new ProcessArgumentBuilder().Append("--out").AppendQuoted(output.FullPath), new DotNetRunSettings
    {
        Configuration = configuration,
    });
});

Task("Bench")
    .IsDependentOn("Build")
    .IsDependentOn("BenchHistory")
    .Does(() =>
{
    // The site agent: crash test at full count, apply overhead, plugin load/unload cycles.
    var project = "./tests/AppLayer.Benchmarks/AppLayer.Benchmarks.csproj";
    DotNetBuild(project, new DotNetBuildSettings { Configuration = configuration, MSBuildSettings = msbuild });
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(MakeAbsolute(File($"./tests/AppLayer.Benchmarks/bin/{configuration}/net10.0/AppLayer.Benchmarks.dll")).FullPath),
    });
    if (exit != 0)
    {
        throw new Exception($"benchmarks exited with {exit}");
    }

    // The feed: the host against nginx serving the exported files, with wrk.
    exit = StartProcess("bash", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(MakeAbsolute(File("./bench/run.sh")).FullPath).Append(configuration),
    });
    if (exit != 0)
    {
        throw new Exception($"bench/run.sh exited with {exit}");
    }
});

Task("Default").IsDependentOn("Build");

RunTarget(target);
