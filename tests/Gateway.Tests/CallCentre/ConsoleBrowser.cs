using Microsoft.Playwright;
using SmsVending.Gateway.Tests.Support;
using SmsVending.Testing;

namespace SmsVending.Gateway.Tests.CallCentre;

/// <summary>One embedded Gateway on real loopback Kestrel and one headless Debian Chromium driven by Playwright, shared by a test
/// class (each test opens its own browser context, so sessions never mix).</summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>Debian's chromium, which ops/test.sh installs; Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string data = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowser? browser;

    public EmbeddedGateway Gateway { get; private set; } = null!;

    /// <summary>Where the browser reaches the Gateway.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ops/test.sh installs it (apt-get install chromium)");
        }

        var port = LoopbackPort.Free();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        // Twilio signatures are checked over the public URL, which the test's signed webhooks use.
        Gateway = new EmbeddedGateway(data, new Dictionary<string, string?> { ["Gateway:PublicBaseUrl"] = EmbeddedGateway.BaseUrl });
        Gateway.UseKestrel(port);
        Gateway.StartServer();
        await Gateway.DemoCustomerAsync(DemoCustomers - 1);
        await Gateway.RedrivenAsync();
        Assertions.SetDefaultExpectTimeout(30_000); // a bounded wait for what the page shows, generous for a busy 2-core machine
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>How many demo customers there are (tests keep to their own one, so their timelines do not mix).</summary>
    public const int DemoCustomers = 3;

    /// <summary>A fresh browser context with the console open and nobody signed in; UTC and British English, so times read the same anywhere.</summary>
    public async Task<IPage> OpenAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.AbsoluteUri, TimezoneId = "UTC", Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console");
        return page;
    }

    /// <summary>The console signed in with the given role's key, as a person would: typing it in the form.</summary>
    public async Task<IPage> SignedInAsync(string role)
    {
        var page = await OpenAsync();
        await page.GetByLabel("Staff API key").FillAsync(Gateway.KeyOf(role));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#who-role")).ToHaveTextAsync(role);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Gateway.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
