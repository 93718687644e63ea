using AppLayer.Cli;

return await CliApp.RunAsync(args);
