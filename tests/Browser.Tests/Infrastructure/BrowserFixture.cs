using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not the in-memory test server), and Debian's Chromium
/// driven by Playwright. Playwright's own browser download cannot work here, so the system Chromium is used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private const string DefaultChromiumPath = "/usr/bin/chromium";

    private readonly LoopbackSiteFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app under test, for arranging data (staff accounts) directly.</summary>
    public SiteFactory Factory => _factory;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        BaseAddress = new Uri(addresses.Addresses.First());

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Run ./test.sh (it installs Debian's chromium) or set CHROMIUM_PATH.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The network here is closed: without these flags Chromium floods it with background requests.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (no shared cookies) with one page, at the given window size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>
/// The browser reaches Kestrel as 127.0.0.1:PORT, not at the public address, so that host is allowed explicitly
/// (absolute URLs such as canonical links still name the configured public address).
/// </summary>
internal sealed class LoopbackSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AllowedHosts", "127.0.0.1");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
