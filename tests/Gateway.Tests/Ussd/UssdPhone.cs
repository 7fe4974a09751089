namespace SmsVending.Gateway.Tests.Ussd;

/// <summary>A phone in a USSD session, as Africa's Talking calls us for it: every request carries all inputs so far.</summary>
internal sealed class UssdPhone(HttpClient client, string phone, string? sessionId = null)
{
    private readonly List<string> inputs = [];

    public string SessionId { get; } = sessionId ?? "ATUid_" + Guid.NewGuid().ToString("N");

    /// <summary>Dials the service code: the session's first request, with empty text.</summary>
    public Task<string> DialAsync() => SendAsync("");

    /// <summary>Types one input (or several, joined by *).</summary>
    public Task<string> TypeAsync(string input)
    {
        inputs.Add(input);
        return SendAsync(string.Join('*', inputs));
    }

    /// <summary>Posts the callback with the given text as it stands.</summary>
    public async Task<string> SendAsync(string text, string query = "")
    {
        using var response = await PostAsync(text, query);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string text, string query = "", IEnumerable<KeyValuePair<string, string>>? fields = null) =>
        client.PostAsync(new Uri("/ussd" + query, UriKind.Relative), new FormUrlEncodedContent(fields ?? new Dictionary<string, string>
        {
            ["sessionId"] = SessionId, ["serviceCode"] = "*384*1234#", ["phoneNumber"] = phone, ["networkCode"] = "63902", ["text"] = text,
        }));
}
