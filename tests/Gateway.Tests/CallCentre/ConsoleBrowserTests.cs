using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Gateway.CallCentre;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Messages;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Payments;
using SmsVending.Gateway.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmsVending.Gateway.Tests.CallCentre;

/// <summary>The console in a real browser, as an agent or supervisor uses it: sign in, search, the timeline (with a screenshot),
/// resend, replay, outage replay, decode, the audit and the live view.</summary>
public sealed partial class ConsoleBrowserTests(ConsoleBrowser console) : IClassFixture<ConsoleBrowser>
{
    private EmbeddedGateway Gateway => console.Gateway;

    [Fact]
    public async Task SignIn_WrongKeyIsRefused_AnAgentSeesNoSupervisorViews_AndAReloadKeepsTheSession()
    {
        var page = await console.OpenAsync();

        await page.GetByLabel("Staff API key").FillAsync("not-a-key-of-this-gateway");
        await page.GetByLabel("Staff API key").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a staff key");
        await page.GetByLabel("Staff API key").FillAsync(Gateway.KeyOf(StaffRoles.Agent));
        await page.GetByLabel("Staff API key").PressAsync("Enter");

        await Expect(page.Locator("#who-role")).ToHaveTextAsync("agent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Find a customer" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Audit" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replay after an outage" })).ToBeHiddenAsync();
        Assert.DoesNotContain(Gateway.KeyOf(StaffRoles.Agent), page.Url);
        Assert.Equal(Gateway.KeyOf(StaffRoles.Agent), await page.EvaluateAsync<string>("sessionStorage.getItem('smsvending.staffKey')"));
        await page.ReloadAsync();
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("agent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("Staff API key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('smsvending.staffKey')"));
    }

    [Fact]
    public async Task Search_ByPhone_ShowsTheTimelineNewestFirst_AndTheScreenshotShowsIt()
    {
        var (phone, sid, reply) = await BuyAsync(0);
        var page = await console.SignedInAsync(StaffRoles.Agent);

        await SearchAsync(page, "0" + phone[4..]);

        var timeline = page.Locator("#timeline");
        var inbound = Row(page, "sms-in", sid);
        await Expect(inbound).ToContainTextAsync("read as BUY");
        await Expect(inbound).ToContainTextAsync("BUY 300");
        await Expect(inbound.GetByRole(AriaRole.Button, new() { Name = "Replay" })).ToBeVisibleAsync();
        var purchase = Row(page, "purchase", sid);
        await Expect(purchase).ToContainTextAsync(SmsReplies.Grouped(reply.Tokens!));
        await Expect(purchase.GetByRole(AriaRole.Button, new() { Name = "Resend tokens" })).ToBeVisibleAsync();
        await Expect(page.Locator($"#timeline-rows tr[data-kind='sms-out']", new() { HasText = SmsReplies.Grouped(reply.Tokens!) }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#customer-title")).ToContainTextAsync(DemoData.Customers[0].Name);
        var times = await page.Locator("#timeline-rows time").EvaluateAllAsync<string[]>("times => times.map(t => t.dateTime)");
        Assert.Equal(times.OrderByDescending(DateTimeOffset.Parse), times);

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var file = Path.Combine(folder, "timeline.png");
        var shot = await timeline.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        var box = (await timeline.BoundingBoxAsync())!;
        var image = PngImage.Decode(await File.ReadAllBytesAsync(file));
        Assert.Equal(shot, await File.ReadAllBytesAsync(file));
        // The picture is the timeline's box (Chromium snaps the box's fractional edges to whole pixels).
        Assert.InRange(image.Width, box.Width - 2, box.Width + 2);
        Assert.InRange(image.Height, box.Height - 2, box.Height + 2);
        Assert.True(image.Height >= 150, $"the timeline is only {image.Height} pixels high");
        Assert.True(image.DistinctColours() >= 8, "the screenshot is nearly blank"); // text, table lines, the role colours
    }

    [Fact]
    public async Task Search_ByTokenMeterOrMpesaReceipt_OpensTheCustomersTimeline()
    {
        var (phone, sid, reply) = await BuyAsync(0);
        var meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;
        var secret = Gateway.Credentials.MpesaCallbackSecret!;
        await Daraja.PostAsync(Gateway.CreateClient(), "stk/callback", Daraja.Stk($"ws_CO_console_{Guid.NewGuid():N}", 0, 100, "SKC4NS0L3X"), secret);
        var page = await console.SignedInAsync(StaffRoles.Agent);

        foreach (var text in new[] { SmsReplies.Grouped(reply.Tokens!), meter, "skc4ns0l3x" })
        {
            await page.Locator("#timeline-rows").EvaluateAsync("rows => rows.replaceChildren()"); // so what follows is this search's timeline
            await SearchAsync(page, text);
            await Expect(page.Locator("#customer-title")).ToContainTextAsync(phone);
            await Expect(Row(page, "sms-in", sid)).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#matches-rows")).ToContainTextAsync("MPESA-STK in");
    }

    [Fact]
    public async Task Resend_AsksForAReason_SendsTheSameTokens_AndTheSupervisorSeesItInTheAudit()
    {
        var (phone, sid, reply, page) = await TimelineAfterPurchaseAsync(1);

        await Row(page, "purchase", sid).GetByRole(AriaRole.Button, new() { Name = "Resend tokens" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(phone);
        await dialog.GetByLabel("Reason").FillAsync("customer deleted the SMS");
        await dialog.GetByLabel("Reason").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resend queued");
        var requestId = RequestId().Match(await page.GetByRole(AriaRole.Status).InnerTextAsync()).Value;
        Assert.Equal(reply.Tokens, (await Gateway.ReplyToAsync(phone, requestId)).Tokens);
        var supervisor = await console.SignedInAsync(StaffRoles.Supervisor);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Audit" }).ClickAsync();
        await Expect(supervisor.Locator("#audit-rows tr", new() { HasText = "customer deleted the SMS" })).ToContainTextAsync("202");
    }

    [Fact]
    public async Task Resend_CancelledWithEscape_SendsNothing()
    {
        var (phone, sid, _, page) = await TimelineAfterPurchaseAsync(1);
        var before = (await Gateway.SentToAsync(phone)).Count;

        await Row(page, "purchase", sid).GetByRole(AriaRole.Button, new() { Name = "Resend tokens" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("changed my mind");
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("Resend queued");
        Assert.Equal(before, (await Gateway.SentToAsync(phone)).Count);
    }

    [Fact]
    public async Task Replay_OfAStoredPurchaseMessage_AnswersWithTheSameTokens()
    {
        var (phone, sid, reply, page) = await TimelineAfterPurchaseAsync(2);

        await Row(page, "sms-in", sid).GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("says no token came");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Replay started");
        var replayId = RequestId().Match(await page.GetByRole(AriaRole.Status).InnerTextAsync()).Value;
        Assert.Equal(reply.Tokens, (await Gateway.ReplyToAsync(phone, replayId)).Tokens);
    }

    [Fact]
    public async Task OutageReplay_PreviewsTheCount_ThenReplaysTheStuckMessages()
    {
        var phone = DemoData.Customers[2].Phone;
        // Stored but never handed on: what a crash between the two leaves behind.
        var stuck = (await Gateway.Services.GetRequiredService<MessageLog>().StoreAsync(Channels.Sms, Gateway.NewMessageSid(), phone, "BAL"))!;
        var now = TimeProvider.System.GetUtcNow();
        var (from, to) = (now.AddMinutes(-3), now.AddMinutes(3));
        var failed = await Gateway.Services.GetRequiredService<MessageLog>().FailedAsync(Minute(from), Minute(to), 1000);
        var page = await console.SignedInAsync(StaffRoles.Supervisor);

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay after an outage" }).ClickAsync();
        await page.GetByLabel("From").FillAsync(from.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(to.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.Locator("#outage-reason").FillAsync("SMS provider outage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview: count them" }).ClickAsync();
        await Expect(page.Locator("#outage-preview")).ToHaveTextAsync($"{failed.Count} failed or stuck messages in that window.");
        Assert.Contains(failed, m => m.Id == stuck.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Replay {failed.Count} messages" }).ClickAsync();

        await Expect(page.Locator("#outage-preview")).ToContainTextAsync($"Replayed {failed.Count} messages");
        Assert.StartsWith("Your balance is", (await Gateway.ReplyToAsync(phone, stuck.ExternalId)).Body);
    }

    [Fact]
    public async Task Decode_ATokenReadOut_ShowsItsMeterAmountAndThatWeIssuedIt()
    {
        var (phone, _, reply, page) = await TimelineAfterPurchaseAsync(1); // fills in the customer's phone for the decode form

        await page.GetByRole(AriaRole.Button, new() { Name = "Decode a token" }).ClickAsync();
        var form = page.Locator("#view-decode");
        await form.GetByLabel("Token").FillAsync(SmsReplies.Grouped(reply.Tokens!));
        await form.GetByLabel("Reason").FillAsync("customer reads the token out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decode", Exact = true }).ClickAsync();

        var result = page.Locator("#decode-result");
        await Expect(result).ToContainTextAsync(MeterNumber.Create(DemoData.Customers[1].Serial).Digits);
        await Expect(result).ToContainTextAsync("yes, for request");
        await Expect(page.GetByLabel("Customer's phone")).ToHaveValueAsync(phone);
    }

    [Fact]
    public async Task Live_ShowsTheSameCountsAsTheServer_AsAChartAndBars()
    {
        await BuyAsync(2);
        var page = await console.SignedInAsync(StaffRoles.Agent);

        await page.GetByRole(AriaRole.Button, new() { Name = "Live" }).ClickAsync();
        await page.GetByLabel("Minutes", new() { Exact = true }).SelectOptionAsync("60");
        await Expect(page.Locator("#live-chart rect.in")).ToHaveCountAsync(60); // the 60-minute view replaced the default 15-minute one
        await Expect(page.Locator("#live-purchases li[data-name='issued'] .count")).Not.ToHaveTextAsync("0");

        var live = await Gateway.Services.GetRequiredService<LiveStats>().TakeAsync(60);
        var bars = await page.Locator("#live-chart rect.in").EvaluateAllAsync<int[]>("bars => bars.map(b => Number(b.dataset.count))");
        Assert.Equal(live.Minutes.Sum(m => m.In), bars.Sum());
        await Expect(page.Locator("#live-purchases li[data-name='issued'] .count")).ToHaveTextAsync(live.Purchases.Single(p => p.Name == "issued").Count.ToString());
        await Expect(page.Locator("#live-chart-title")).ToContainTextAsync($"{live.Minutes.Sum(m => m.In)} in");
    }

    /// <summary>A demo customer with funds buys by SMS: the phone, the message's sid and the token reply.</summary>
    private async Task<(string Phone, string Sid, MessageEntry Reply)> BuyAsync(int customer)
    {
        var (sid, reply) = await Gateway.SmsWithFundsAsync(customer, "BUY 300");
        return (DemoData.Customers[customer].Phone, sid, reply);
    }

    /// <summary>A purchase as <see cref="BuyAsync"/>, then an agent's console showing that customer's timeline.</summary>
    private async Task<(string Phone, string Sid, MessageEntry Reply, IPage Page)> TimelineAfterPurchaseAsync(int customer)
    {
        var (phone, sid, reply) = await BuyAsync(customer);
        var page = await console.SignedInAsync(StaffRoles.Agent);
        await SearchAsync(page, phone);
        await Expect(page.Locator("#customer-title")).ToContainTextAsync(phone);
        return (phone, sid, reply, page);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Find a customer" }).ClickAsync();
        await page.GetByLabel("Look for").FillAsync(text);
        await page.GetByLabel("Look for").PressAsync("Enter");
    }

    private static ILocator Row(IPage page, string kind, string reference) =>
        page.Locator($"#timeline-rows tr[data-kind='{kind}'][data-reference='{reference}']");

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);

    [GeneratedRegex(@"staff-(?:resend|replay):\w+")]
    private static partial Regex RequestId();
}
