using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Debian's nginx serving a folder on a private loopback port, with its config in a temp folder; stopped on dispose.</summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _work;

    private Nginx(Process process, string work, int port)
    {
        _process = process;
        _work = work;
        Url = $"http://127.0.0.1:{port}/";
    }

    public string Url { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serves <paramref name="root"/> as a static feed: files as they are, and search answers by query.</summary>
    public static async Task<Nginx> StartAsync(string root, int port)
    {
        File.Exists(Binary).ShouldBeTrue("nginx is installed by tests/prerequisites.sh (apt-get install nginx-light)");
        var work = Directory.CreateTempSubdirectory("applayer-nginx-").FullName;
        var config = Path.Combine(work, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            user root;
            worker_processes 1;
            daemon off;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log warn;
            events { worker_connections 512; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                client_body_temp_path {{work}}/body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
                sendfile on;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                    location = /v3/search {
                        default_type application/json;
                        try_files /v3/search/p-$arg_prerelease/q-$arg_q.json =404;
                    }
                }
            }
            """);
        var info = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(work);
        var process = Process.Start(info)!;
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new Nginx(process, work, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("nginx did not listen within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // temporary
        }
    }
}
