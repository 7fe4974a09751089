using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Contracts.Vending;
using SmsVending.Gateway.Embedded;
using SmsVending.Gateway.Sms;
using SmsVending.Gateway.Tests.Support;

namespace SmsVending.Gateway.Tests.Sms;

/// <summary>POST /sms/twilio through the whole embedded system: signature, storage, commands, and the reply SMS.</summary>
public sealed class SmsWebhookTests : GatewayTest
{
    private static readonly string Phone = DemoData.Customers[0].Phone;
    private static readonly string Meter = MeterNumber.Create(DemoData.Customers[0].Serial).Digits;

    [Fact]
    public async Task Buy_WithFunds_AnswersEmptyTwimlAtOnceThenSendsATokenForTheMeterAndAmount()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(Phone, 1000m);
        var sid = gateway.NewMessageSid();

        var response = await gateway.PostSmsAsync(Phone, $"buy {Meter[..4]} {Meter[4..]} KES500", sid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SmsEndpoints.EmptyTwiml, await response.Content.ReadAsStringAsync());
        var reply = await gateway.ReplyToAsync(Phone, sid);
        Assert.StartsWith("Token ", reply.Body);
        var token = TokenDecoder.Decode(StsToken.Parse(Assert.Single(reply.Tokens!.Split(' '))), await gateway.DecoderAsync(Meter));
        Assert.True(token.CrcOk);
        var purchase = Assert.Single((await gateway.TimelineAsync(Phone)).Entries, e => e.Kind == "purchase");
        Assert.Equal(500m, purchase.Amount);
        Assert.Contains($"{token.Amount:0.#}kWh", reply.Body);
    }

    [Theory]
    [InlineData("BUY {0} 200", "BUY", true)]
    [InlineData("LAST {0}", "LAST", true)]
    [InlineData("BAL", "BAL", false)]
    public async Task Message_IsStoredWithWhatItReadsAs_AndAPurchaseOrResendGoesOnWithoutARoundThroughTheBus(string body, string command, bool direct)
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(Phone, 1000m);
        await gateway.RedrivenAsync();
        var received = new PublishedCount<SmsVending.Gateway.Messages.InboundReceived>();
        using var observing = gateway.Services.GetRequiredService<IBus>().ConnectPublishObserver(received);
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(Phone, string.Format(System.Globalization.CultureInfo.InvariantCulture, body, Meter), sid);

        // One write stored the message with its reading: the row has it as soon as the webhook has answered.
        var meter = command == "BAL" ? "IS NULL" : $"= '{Meter}'";
        Assert.Equal(1, await gateway.ScalarAsync($"SELECT COUNT(*) FROM gw_inbound WHERE external_id = '{sid}' AND command = '{command}' AND meter_number {meter}"));
        await gateway.ReplyToAsync(Phone, sid);
        Assert.Equal(direct ? 0 : 1, received.Count);
    }

    [Fact]
    public async Task Buy_SameMessageSidTwice_MakesOnePurchaseAndOneReply()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(Phone, 1000m);
        var sid = gateway.NewMessageSid();

        var first = await gateway.PostSmsAsync(Phone, $"BUY {Meter} 200", sid);
        await gateway.ReplyToAsync(Phone, sid);
        var retry = await gateway.PostSmsAsync(Phone, $"BUY {Meter} 200", sid);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(SmsEndpoints.EmptyTwiml, await retry.Content.ReadAsStringAsync());
        Assert.Single((await gateway.TimelineAsync(Phone)).Entries, e => e.Kind == "purchase");
        Assert.Single(await gateway.SentToAsync(Phone), m => m.Reference == sid || m.Tokens is not null);
    }

    [Fact]
    public async Task Buy_WithoutFunds_RepliesWithTheShortfall()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(Phone, "BUY 500", sid);

        Assert.StartsWith("Not enough balance", (await gateway.ReplyToAsync(Phone, sid)).Body);
    }

    [Fact]
    public async Task Last_AfterAPurchase_SendsTheSameTokensAgain()
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(Phone, 1000m);
        var buy = gateway.NewMessageSid();
        await gateway.PostSmsAsync(Phone, "BUY 300", buy);
        var bought = await gateway.ReplyToAsync(Phone, buy);
        var last = gateway.NewMessageSid();

        await gateway.PostSmsAsync(Phone, "last", last);

        Assert.Equal(bought.Tokens, (await gateway.ReplyToAsync(Phone, last)).Tokens);
        Assert.Single((await gateway.TimelineAsync(Phone)).Entries, e => e.Kind == "purchase");
    }

    [Theory]
    [InlineData("BAL", "Your balance is KES250.00.")]
    [InlineData("meters", "Your meters: {meter}")]
    [InlineData("HELP", "Send: BUY <meter> <amount> [PIN], BUY <amount>, LAST, BAL, METERS, REG <meter> <code>, PIN <old> <new>")]
    [InlineData("BUYY 500", "Did you mean BUY? Send:")]
    [InlineData("", "Did you mean HELP? Send:")]
    public async Task Question_IsAnsweredFromVending(string body, string expected)
    {
        await using var gateway = new EmbeddedGateway(Data);
        await gateway.DemoCustomerAsync();
        await gateway.FundAsync(Phone, 250m);
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(Phone, body, sid);

        Assert.StartsWith(expected.Replace("{meter}", Meter, StringComparison.Ordinal), (await gateway.ReplyToAsync(Phone, sid)).Body);
    }

    [Fact]
    public async Task Balance_FromAnUnknownPhone_SaysHowToRegister()
    {
        await using var gateway = new EmbeddedGateway(Data);
        const string stranger = "+254722999888";
        var sid = gateway.NewMessageSid();

        await gateway.PostSmsAsync(stranger, "BAL", sid);

        Assert.StartsWith("This phone is not registered.", (await gateway.ReplyToAsync(stranger, sid)).Body);
    }

    [Fact]
    public async Task Signature_ForgedOrMissing_Is403AndNothingIsStored()
    {
        await using var gateway = new EmbeddedGateway(Data);
        var forgedSid = gateway.NewMessageSid();

        var forged = await gateway.PostSmsAsync(Phone, "BAL", forgedSid, signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/sms/twilio")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageSid"] = gateway.NewMessageSid(), ["From"] = Phone, ["Body"] = "BAL" }),
        };
        var missing = await gateway.CreateClient().SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("does not match", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Contains("missing", await missing.Content.ReadAsStringAsync());
        Assert.Empty(await gateway.Services.GetRequiredService<Gateway.Staff.MessageSearch>().FindAsync(new Gateway.Staff.MessageQuery(Phone: Phone)));
    }

    [Fact]
    public async Task Signature_BehindAProxy_IsCheckedAgainstThePublicUrl()
    {
        await using var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?> { ["Gateway:PublicBaseUrl"] = "https://sms.example.com/edge/" });

        var overPublic = await gateway.PostSmsAsync(Phone, "HELP", signedUrl: "https://sms.example.com/edge");
        var overInternal = await gateway.PostSmsAsync(Phone, "HELP");

        Assert.Equal(HttpStatusCode.OK, overPublic.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, overInternal.StatusCode);
    }

    [Theory]
    [InlineData("MessageSid", "SM123", "MessageSid must be SM followed by 32 hexadecimal digits")]
    [InlineData("From", "not-a-phone", "From:")]
    [InlineData("Body", null, "Body is missing")]
    public async Task Form_Malformed_Is400WithTheReason(string field, string? value, string reason)
    {
        await using var gateway = new EmbeddedGateway(Data);
        var form = new Dictionary<string, string> { ["MessageSid"] = gateway.NewMessageSid(), ["From"] = Phone, ["Body"] = "BAL" };
        if (value is null)
        {
            form.Remove(field);
        }
        else
        {
            form[field] = value;
        }

        var response = await gateway.PostSignedAsync("/sms/twilio", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_BodyLongerThanTwilioSends_Is400()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.PostSmsAsync(Phone, new string('A', SmsEndpoints.MaxBodyLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 1600", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Body_Oversized_Is413()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.PostSignedAsync("/sms/twilio", new Dictionary<string, string> { ["Padding"] = new string('x', 40_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_NotAForm_Is415()
    {
        await using var gateway = new EmbeddedGateway(Data);

        var response = await gateway.CreateClient().PostAsync(new Uri("/sms/twilio", UriKind.Relative), new StringContent("{\"Body\":\"BAL\"}", null, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task RateLimit_OnePhoneFlooding_Gets429WhileOthersPass()
    {
        await using var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?> { ["Gateway:RateLimitPerPhone"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await gateway.PostSmsAsync("+254722000111", "HELP");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, await response.Content.ReadAsStringAsync());
            statuses.Add(response.StatusCode);
        }

        var other = await gateway.PostSmsAsync("+254722000222", "HELP");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task StatusCallback_ForgedUnknownOrMalformed_IsRefusedWithTheReason()
    {
        await using var gateway = new EmbeddedGateway(Data);
        Dictionary<string, string> Report(string status) => new() { ["MessageSid"] = gateway.NewMessageSid(), ["MessageStatus"] = status };

        var forged = await gateway.PostSignedAsync("/sms/twilio/status?id=1", Report("delivered"), signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        var unknown = await gateway.PostSignedAsync("/sms/twilio/status?id=999999", Report("delivered"));
        var malformed = await gateway.PostSignedAsync("/sms/twilio/status", Report("teleported"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("MessageStatus", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RandomBodies_TenThousand_NeverA5xxAndEveryOneAnswered()
    {
        await using var gateway = new EmbeddedGateway(Data, new Dictionary<string, string?> { ["Gateway:RateLimitPerPhone"] = "100000" });
        await gateway.DemoCustomerAsync();
        var random = new Random(20261124);
        const string alphabet = "BUYLASTMEPINREGHLP0123456789 -.,KES\t\n*#?é€{}[]<>&\"'";
        var sids = new List<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            int length;
            string body;
            lock (random)
            {
                length = random.Next(0, 40);
                body = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            }

            var sid = gateway.NewMessageSid();
            var response = await gateway.PostSmsAsync(DemoData.Customers[i % 3].Phone, body, sid);
            Assert.True((int)response.StatusCode < 500, $"{response.StatusCode} for {body}");
            lock (sids)
            {
                sids.Add(sid);
            }
        });

        await EmbeddedGateway.DrainedAsync(gateway.UnansweredAsync, "every message answered");
        Assert.Equal(10_000, sids.Distinct().Count());
        Assert.Equal(10_000, await gateway.ScalarAsync("SELECT COUNT(DISTINCT answers) FROM gw_outbound WHERE answers LIKE 'SM%'"));
    }
}
