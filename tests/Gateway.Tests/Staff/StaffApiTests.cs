using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Staff;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Staff;

/// <summary>The call-centre API: keys and roles, searches, timeline, resend, replay, and the audit of every call.</summary>
public sealed class StaffApiTests : GatewayTest
{
    private static readonly string Phone = DemoData.Customers[1].Phone;
    private static readonly string Meter = MeterNumber.Create(DemoData.Customers[1].Serial).Digits;

    [Fact]
    public async Task Calls_WithoutAKeyOrWithAWrongOne_Are401()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key-of-ours-at-all");

        var none = await gateway.CreateClient().GetAsync(new Uri("/staff/messages", UriKind.Relative));
        var wrong = await client.GetAsync(new Uri("/staff/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("X-Api-Key", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task SupervisorRoutes_ForAnAgent_Are403_ForASupervisor_Answer()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var agent = await gateway.Staff(StaffRoles.Agent).GetAsync(new Uri("/staff/audit", UriKind.Relative));
        var supervisor = await gateway.Staff(StaffRoles.Supervisor).GetAsync(new Uri("/staff/audit", UriKind.Relative));
        var factory = await gateway.Staff(StaffRoles.Manufacturing).GetAsync(new Uri("/staff/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, factory.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Agent, false)]
    [InlineData(StaffRoles.Supervisor, true)]
    [InlineData(StaffRoles.Admin, true)]
    public async Task Me_NamesTheKeyAndItsRole_AndIsAudited(string role, bool supervisor)
    {
        await using var gateway = new EmbeddedGateway(Data);

        var me = await gateway.Staff(role).GetFromJsonAsync<StaffMember>("/staff/me");
        var factory = await gateway.Staff(StaffRoles.Manufacturing).GetAsync(new Uri("/staff/me", UriKind.Relative));

        Assert.Equal(new StaffMember(role, role, supervisor), me);
        Assert.Equal(HttpStatusCode.Forbidden, factory.StatusCode);
        var audit = await gateway.Staff(StaffRoles.Supervisor).GetFromJsonAsync<List<AuditEntry>>($"/staff/audit?who={role}");
        Assert.Contains(audit!, a => a.Action == "GET /staff/me" && a.Status == 200);
    }

    [Fact]
    public async Task Messages_ByMpesaReceipt_FindTheStkCallbackThatCarriedIt()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var posted = await Payments.Daraja.PostAsync(gateway.CreateClient(), "stk/callback", Payments.Daraja.Stk("ws_CO_receipt_test", 0, 200, "SKL9QW3E7R"),
            gateway.Credentials.MpesaCallbackSecret!);

        var found = await gateway.Staff(StaffRoles.Agent).GetFromJsonAsync<List<MessageEntry>>("/staff/messages?reference=skl9qw3e7r");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var message = Assert.Single(found!);
        Assert.Equal(("mpesa-stk", "ws_CO_receipt_test", "+254711000001"), (message.Channel, message.Reference, message.Phone));
    }

    [Fact]
    public async Task Messages_ByPhoneTokenOrReference_FindBothDirectionsWithThePinMasked()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, reply) = await gateway.SmsWithFundsAsync(1, $"BUY {Meter} 200 4321");
        var agent = gateway.Staff(StaffRoles.Agent);

        var byPhone = await agent.GetFromJsonAsync<List<MessageEntry>>($"/staff/messages?phone=0{Phone[4..]}");
        var byToken = await agent.GetFromJsonAsync<List<MessageEntry>>($"/staff/messages?token={Uri.EscapeDataString(SmsReplies(reply.Tokens!))}");
        var byReference = await agent.GetFromJsonAsync<List<MessageEntry>>($"/staff/messages?reference={sid}");

        Assert.Equal(["out", "in"], byPhone!.Select(m => m.Direction));
        Assert.Equal($"BUY {Meter} 200 ****", byPhone![1].Body);
        Assert.Equal(reply.Id, Assert.Single(byToken!).Id);
        Assert.Equal(2, byReference!.Count);
    }

    [Fact]
    public async Task Timeline_MergesPurchasesAndMessagesNewestFirst()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, _) = await gateway.SmsWithFundsAsync(1, "BUY 300");

        var timeline = await gateway.Staff(StaffRoles.Agent).GetFromJsonAsync<StaffTimeline>($"/staff/customers/{Uri.EscapeDataString(Phone)}/timeline");

        Assert.True(timeline!.Found);
        Assert.Equal(DemoData.Customers[1].Name, timeline.Name);
        Assert.Contains(timeline.Entries, e => e.Kind == "purchase" && e.Tokens.Count == 1);
        Assert.Contains(timeline.Entries, e => e.Kind == "sms-in" && e.Reference == sid);
        Assert.Contains(timeline.Entries, e => e.Kind == "sms-out" && e.Tokens.Count == 1);
        Assert.Equal(timeline.Entries.OrderByDescending(e => e.At).Select(e => e.At), timeline.Entries.Select(e => e.At));
    }

    [Fact]
    public async Task Timeline_CarriesWhatTheConsolesActionsNeed_PurchaseIdMessageIdAndParseResult()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, _) = await gateway.SmsWithFundsAsync(1, "BUY 300");
        var agent = gateway.Staff(StaffRoles.Agent);
        var purchaseId = (await agent.GetFromJsonAsync<List<JsonElement>>($"/staff/purchases?reference={sid}"))!.Single().GetProperty("purchaseId").GetGuid();
        var inboundId = (await agent.GetFromJsonAsync<List<MessageEntry>>($"/staff/messages?reference={sid}"))!.Single(m => m.Direction == "in").Id;

        var timeline = await agent.GetFromJsonAsync<StaffTimeline>($"/staff/customers/{Uri.EscapeDataString(Phone)}/timeline");

        var purchase = timeline!.Entries.Single(e => e.Kind == "purchase");
        var inbound = timeline.Entries.Single(e => e.Kind == "sms-in");
        var reply = timeline.Entries.First(e => e.Kind == "sms-out");
        Assert.Equal((purchaseId, (long?)null), (purchase.PurchaseId, purchase.MessageId));
        Assert.Equal((inboundId, "BUY", (Guid?)null), (inbound.MessageId, inbound.Command, inbound.PurchaseId));
        Assert.Null(reply.MessageId); // only stored inbound messages can be replayed
    }

    [Fact]
    public async Task Resend_NeedsAReason_ThenSendsTheSameTokensAndIsAudited()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, bought) = await gateway.SmsWithFundsAsync(1, "BUY 300");
        var purchase = (await gateway.TimelineAsync(Phone)).Entries.Single(e => e.Kind == "purchase");
        var purchaseId = (await gateway.Staff(StaffRoles.Agent).GetFromJsonAsync<List<JsonElement>>($"/staff/purchases?reference={purchase.Reference}"))!
            .Single().GetProperty("purchaseId").GetGuid();
        var agent = gateway.Staff(StaffRoles.Agent);

        var unexplained = await agent.PostAsJsonAsync($"/staff/purchases/{purchaseId}/resend", new { phone = Phone });
        var resend = await agent.PostAsJsonAsync($"/staff/purchases/{purchaseId}/resend", new { phone = Phone, reason = "customer deleted the SMS" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Contains("reason", await unexplained.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        var requestId = (await EmbeddedGateway.JsonAsync<JsonElement>(resend)).GetProperty("requestId").GetString()!;
        Assert.Equal(bought.Tokens, (await gateway.ReplyToAsync(Phone, requestId)).Tokens);
        var audit = await gateway.Staff(StaffRoles.Supervisor).GetFromJsonAsync<List<AuditEntry>>("/staff/audit?who=agent");
        Assert.Contains(audit!, a => a.Action == "POST /staff/purchases/{purchaseId:guid}/resend" && a.Reason == "customer deleted the SMS" && a.Status == 202);
        Assert.Contains(audit!, a => a.Status == 400);
    }

    [Fact]
    public async Task Replay_OfAnIssuedPurchaseMessage_ResendsWithoutASecondVend()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, bought) = await gateway.SmsWithFundsAsync(1, "BUY 300");
        var inbound = (await gateway.Staff(StaffRoles.Agent).GetFromJsonAsync<List<MessageEntry>>($"/staff/messages?reference={sid}"))!.Single(m => m.Direction == "in");
        var balance = (await gateway.TimelineAsync(Phone)).WalletBalance;

        var replay = await gateway.Staff(StaffRoles.Agent).PostAsJsonAsync($"/staff/messages/{inbound.Id}/replay", new { reason = "says no token came" });
        var missing = await gateway.Staff(StaffRoles.Agent).PostAsJsonAsync("/staff/messages/999999/replay", new { reason = "typo" });

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var replayId = (await EmbeddedGateway.JsonAsync<JsonElement>(replay)).GetProperty("replayId").GetString()!;
        Assert.Equal(bought.Tokens, (await gateway.ReplyToAsync(Phone, replayId)).Tokens);
        var after = await gateway.TimelineAsync(Phone);
        Assert.Single(after.Entries, e => e.Kind == "purchase");
        Assert.Equal(balance, after.WalletBalance);
    }

    [Fact]
    public async Task BulkReplay_PreviewCountsStuckMessages_ThenReplaysThem()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync(1);
        await gateway.RedrivenAsync();
        var log = gateway.Services.GetService(typeof(Gateway.Messages.MessageLog)) as Gateway.Messages.MessageLog;
        // Stored but never handed on: what a crash between the two leaves behind.
        var stuck = await log!.StoreAsync("sms", gateway.NewMessageSid(), Phone, "BAL");
        var clock = TimeProvider.System.GetUtcNow();
        var supervisor = gateway.Staff(StaffRoles.Supervisor);
        var window = new { from = clock.AddMinutes(-5), to = clock.AddMinutes(5), reason = "after the outage" };

        var preview = await EmbeddedGateway.JsonAsync<JsonElement>(await supervisor.PostAsJsonAsync("/staff/messages/replay", window));
        var agentTry = await gateway.Staff(StaffRoles.Agent).PostAsJsonAsync("/staff/messages/replay", window);
        var run = await supervisor.PostAsJsonAsync("/staff/messages/replay", new { window.from, window.to, window.reason, preview = false });

        Assert.Equal(1, preview.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, agentTry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.StartsWith("Your balance is", (await gateway.ReplyToAsync(Phone, stuck!.ExternalId)).Body);
    }

    [Fact]
    public async Task BulkReplay_WithoutAWindow_Is400()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.Staff(StaffRoles.Supervisor).PostAsJsonAsync("/staff/messages/replay", new { reason = "outage" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("window", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Decode_ATokenReadOut_NamesItsMeterAmountAndThatWeIssuedIt()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var (sid, bought) = await gateway.SmsWithFundsAsync(1, "BUY 300");
        var token = bought.Tokens!;
        var agent = gateway.Staff(StaffRoles.Agent);

        var byPhone = await agent.PostAsJsonAsync("/staff/tokens/decode", new { token = SmsVending.Gateway.Sms.SmsReplies.Grouped(token), phone = Phone });
        var foreign = await agent.PostAsJsonAsync("/staff/tokens/decode", new { token, meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits });
        var vague = await agent.PostAsJsonAsync("/staff/tokens/decode", new { token });

        Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        var decoded = await EmbeddedGateway.JsonAsync<JsonElement>(byPhone);
        Assert.Equal(Meter, decoded.GetProperty("meterNumber").GetString());
        Assert.True(decoded.GetProperty("issuedByUs").GetBoolean());
        Assert.True(decoded.GetProperty("amount").GetDecimal() > 0);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
    }

    private static string SmsReplies(string tokens) => tokens.Split(' ')[0];
}
