using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using SmsVending.Gateway.Sms.Outbound;
using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class TwilioApiHttpClientTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task MakeRequestAsync_BaseUrlSet_SendsTheSdksRequestThereAsTheSdkWould()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => Results.Text("""{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}""", "application/json", statusCode: 201));
        var http = new TwilioApiHttpClient(new HttpClient(), new Uri(receiver.BaseAddress, "/twilio/"));
        var client = new TwilioRestClient(AccountSid, "token", httpClient: http);

        var message = await MessageResource.CreateAsync(to: new PhoneNumber("+254711000001"), from: new PhoneNumber("+15005550006"), body: "hello & bye", client: client);
        var request = await receiver.NextAsync();

        Assert.Equal("SM0123456789abcdef0123456789abcdef", message.Sid);
        Assert.Equal($"/twilio/2010-04-01/Accounts/{AccountSid}/Messages.json", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:token")), request.Headers["Authorization"]);
        Assert.StartsWith("twilio-csharp/8.2.0 (", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("hello & bye", request.Form["Body"]);
        Assert.Equal("+254711000001", request.Form["To"]);
        Assert.Equal(HttpStatusCode.Created, http.LastResponse.StatusCode);
    }

    [Fact]
    public async Task MakeRequest_Synchronous_ReachesThePhoneNetwork()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        var message = MessageResource.Create(to: new PhoneNumber("+254711000001"), from: new PhoneNumber("+15005550006"), body: "hello", client: TestNetwork.Client(network));

        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal("hello", (await network.Inbox.WaitForMessageAsync("+254711000001", m => m.Sid == message.Sid, TestNetwork.Patience)).Body);
    }
}
