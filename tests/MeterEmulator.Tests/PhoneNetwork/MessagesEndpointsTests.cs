using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SmsVending.MeterEmulator.PhoneNetwork;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace SmsVending.MeterEmulator.Tests.PhoneNetwork;

public class MessagesEndpointsTests
{
    [Fact]
    public async Task Create_ThroughTheTwilioSdk_AnswersAQueuedMessageTheSdkReads()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        var message = await TestNetwork.SendThroughSdkAsync(network, "Token 1234 5678 9012 3456 7890");

        Assert.Matches("^SM[0-9a-f]{32}$", message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal(network.Settings.AccountSid, message.AccountSid);
        Assert.Equal(TestNetwork.Customer, message.To);
        Assert.Equal("+15005550006", message.From.ToString());
        Assert.Equal("Token 1234 5678 9012 3456 7890", message.Body);
        Assert.Equal("1", message.NumSegments);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, message.Direction);
        Assert.Equal("2010-04-01", message.ApiVersion);
        Assert.NotNull(message.DateCreated);
        Assert.Equal($"/2010-04-01/Accounts/{network.Settings.AccountSid}/Messages/{message.Sid}.json", message.Uri);
    }

    [Fact]
    public async Task Fetch_AfterDelivery_ReportsDelivered()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());
        var created = await TestNetwork.SendThroughSdkAsync(network, "hello");
        await network.Inbox.WaitForMessageAsync(TestNetwork.Customer, m => m.Sid == created.Sid, TestNetwork.Patience);

        var fetched = await MessageResource.FetchAsync(pathSid: created.Sid, client: TestNetwork.Client(network));

        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
        Assert.NotNull(fetched.DateSent);
    }

    [Fact]
    public async Task Create_WrongAuthToken_SdkThrows20003()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        var error = await Assert.ThrowsAsync<ApiException>(() => TestNetwork.SendThroughSdkAsync(network, "hello", authToken: "wrong"));

        Assert.Equal(20003, error.Code);
        Assert.Equal(401, error.Status);
        Assert.Empty(network.Inbox.Messages(TestNetwork.Customer));
    }

    [Fact]
    public async Task Create_AnotherAccountsPath_Answers401()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());
        using var http = new HttpClient { BaseAddress = network.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", TestNetwork.Customer), new("From", "+15005550006"), new("Body", "hello")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{network.Settings.AccountSid}:{network.Settings.AuthToken}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"code\":20003", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestNetwork.Customer, null, 21602)]
    [InlineData("0711000001", "hello", 21211)]
    public async Task Create_InvalidMessage_SdkThrowsTwiliosErrorCode(string to, string? body, int code)
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());

        var error = await Assert.ThrowsAsync<ApiException>(() => TestNetwork.SendThroughSdkAsync(network, body, to: to));

        Assert.Equal(code, error.Code);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Create_DuringAnOutage_Answers503UntilItEnds()
    {
        await using var network = await PhoneNetworkHost.StartAsync(TestNetwork.Settings());
        network.Settings.Faults.Outage = true;

        var error = await Assert.ThrowsAsync<ApiException>(() => TestNetwork.SendThroughSdkAsync(network, "hello"));
        network.Settings.Faults.Outage = false;
        var message = await TestNetwork.SendThroughSdkAsync(network, "hello");

        Assert.Equal(503, error.Status);
        Assert.Equal(20503, error.Code);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
    }
}
