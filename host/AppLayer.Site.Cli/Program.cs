using AppLayer.Site.Cli;

return await SiteCliApp.RunAsync(args);
