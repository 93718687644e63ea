using AppLayer.Site.Isolation;

return await WorkerProgram.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());
