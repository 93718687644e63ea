using AppLayer.History.Bench;

// ./build.sh bench (task BenchHistory): 1,000 customers × 1,000 history events each; a customer's
// history API page and dashboard page against the raw SQL that reads the same rows, same run.
var options = BenchOptions.Parse(args);
return await HistoryBench.RunAsync(options, Console.Out);
