using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SmsVending.Gateway.CallCentre;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.CallCentre;

/// <summary>What the Gateway serves at /console: the page and its files with a strict policy and nothing from outside, and the live
/// counters' route.</summary>
public sealed partial class ConsoleEndpointsTests : GatewayTest
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    public async Task Page_IsServedWithTheSecurityHeaders(string path)
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(ConsoleEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("default-src 'none'", ConsoleEndpoints.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("<h1>SmsVending call centre</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_HasNoInlineScriptOrStyle_AndEveryFileItLoadsIsServedFromTheGateway()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var client = gateway.CreateClient();
        var page = await client.GetStringAsync(new Uri("/console", UriKind.Relative));

        // Follow the page's links and every module's imports: each must be one of ours and answer.
        var pending = new Queue<string>(Links().Matches(page).Select(m => m.Groups["url"].Value));
        var served = new Dictionary<string, string>();
        while (pending.TryDequeue(out var url))
        {
            Assert.StartsWith("/console/", url);
            if (served.ContainsKey(url))
            {
                continue;
            }

            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Equal(ConsoleEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            served[url] = await response.Content.ReadAsStringAsync();
            foreach (Match import in Imports().Matches(served[url]))
            {
                pending.Enqueue("/console/" + import.Groups["file"].Value);
            }
        }

        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), page);
        Assert.Contains("/console/app.js", served.Keys);
        Assert.Contains("/console/console.css", served.Keys);
        Assert.Contains("/console/search.js", served.Keys);
        Assert.Contains("/console/live.js", served.Keys);
        foreach (var (url, text) in served)
        {
            // The only absolute URL allowed is the SVG namespace, which is a name, not a fetch.
            Assert.DoesNotMatch(OutsideUrl(), text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
            Assert.DoesNotContain("innerHTML", text); // text goes in as text, never as markup
        }
    }

    [Fact]
    public async Task File_Unknown_Is404_AndAKnownOneRevalidatesByItsETag()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var client = gateway.CreateClient();

        var missing = await client.GetAsync(new Uri("/console/nothing.js", UriKind.Relative));
        var first = await client.GetAsync(new Uri("/console/app.js", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Live_NeedsAStaffKey_RefusesABadWindow_AndIsNotAudited()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var agent = gateway.Staff(StaffRoles.Agent);

        var anonymous = await gateway.CreateClient().GetAsync(new Uri("/staff/live", UriKind.Relative));
        var factory = await gateway.Staff(StaffRoles.Manufacturing).GetAsync(new Uri("/staff/live", UriKind.Relative));
        var tooLong = await agent.GetAsync(new Uri("/staff/live?minutes=61", UriKind.Relative));
        var live = await agent.GetFromJsonAsync<LiveSnapshot>("/staff/live?minutes=5");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, factory.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1 to 60", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(5, live!.Minutes.Count);
        var audit = await gateway.Staff(StaffRoles.Supervisor).GetFromJsonAsync<List<AuditEntry>>("/staff/audit?who=agent");
        Assert.DoesNotContain(audit!, a => a.Target.StartsWith("/staff/live", StringComparison.Ordinal));
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Links();

    [GeneratedRegex("""from '\./(?<file>[\w.-]+)'""")]
    private static partial Regex Imports();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\s(?:on\w+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    [GeneratedRegex(@"https?:|//[\w.-]+\.\w")]
    private static partial Regex OutsideUrl();
}
