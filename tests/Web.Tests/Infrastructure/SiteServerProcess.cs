using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The site as a server process of its own (<c>dotnet PiriSite.Web.dll --urls ...</c>), Program.cs from the top with
/// the environment's own appsettings file, on a free loopback port: for what only a real process shows (its standard
/// output, its start-up refusals). Stop it to read everything it wrote.
/// </summary>
public sealed class SiteServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();

    private readonly string _folder;

    private SiteServerProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (standard output and error).</summary>
    public string OutputSoFar => Output();

    /// <summary>Starts the site in <paramref name="environment"/> and waits until /healthz answers.</summary>
    /// <param name="settings">Configuration as environment variables; a SQLite database in a new folder unless given.</param>
    public static async Task<SiteServerProcess> StartAsync(IDictionary<string, string> settings, string environment = "Production")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Directory.CreateTempSubdirectory("pirisite-process-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", ["PiriSite.Web.dll", "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Site"] = $"Data Source={Path.Combine(folder, "site.db")}";
        start.Environment["Site__PublicBaseUrl"] = address.GetLeftPart(UriPartial.Authority);
        start.Environment["Site__MediaPath"] = Path.Combine(folder, "media");
        start.Environment["Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Advertising__ArchiveSiteOnStart"] = "false";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var site = new SiteServerProcess(process, address, folder);
        process.OutputDataReceived += (_, line) => site.Append(site._standardOutput, line.Data);
        process.ErrorDataReceived += (_, line) => site.Append(site._standardError, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await site.WaitUntilHealthyAsync();
        return site;
    }

    /// <summary>Runs the site until it exits by itself (a start-up refusal), at most two minutes.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> settings, string environment = "Production")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Directory.CreateTempSubdirectory("pirisite-process-").FullName;
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__Site"] = $"Data Source={Path.Combine(folder, "site.db")}",
            ["Site__PublicBaseUrl"] = "http://127.0.0.1:1",
            ["Advertising__ArchiveSiteOnStart"] = "false",
        };
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        try
        {
            return await SiteCommandProcess.RunAsync(["--urls", $"http://127.0.0.1:{FreePort()}"], all);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Asks the site to stop (SIGTERM, as docker stop does) and waits; then every line it wrote is here.</summary>
    public async Task<string[]> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        // The last lines arrive after the exit.
        _process.WaitForExit();
        lock (_standardOutput)
        {
            return _standardOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a machine failure.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public string StandardError()
    {
        lock (_standardOutput)
        {
            return _standardError.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardOutput)
        {
            output.Append(line).Append('\n');
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {_process.ExitCode} before answering: {Output()}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await DisposeAsync();
        throw new TimeoutException($"The site did not answer /healthz in 2 minutes: {Output()}");
    }

    private string Output()
    {
        lock (_standardOutput)
        {
            return _standardOutput + _standardError.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
