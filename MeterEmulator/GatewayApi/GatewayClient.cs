using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;

namespace SmsVending.MeterEmulator.GatewayApi;

/// <summary>The Gateway's admin, staff and USSD routes as the demo and the load driver call them, each with the key of the role
/// it needs; a refusal or an unexpected status is a <see cref="GatewayRefusedException"/> naming the route.</summary>
internal sealed class GatewayClient(HttpClient http, GatewayCredentials credentials)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>POST /admin/meters: an STS meter on the demo's supply group, tariff index and tariff, with a registration code.
    /// True when the meter is new (201); false when it was there already (200: the Gateway answers a repeated add with the meter).</summary>
    public async Task<bool> AddMeterAsync(string meter, string registrationCode, CancellationToken cancellationToken)
    {
        var (status, _) = await SendForStatusAsync(HttpMethod.Post, "/admin/meters", credentials.AdminApiKey, new
        {
            meterNumber = meter, utility = "electricity", profile = "sts", tariffId = "DOMESTIC", supplyGroupCode = 600001, tariffIndex = 1, registrationCode,
        }, cancellationToken);
        return status == HttpStatusCode.Created;
    }

    /// <summary>POST /admin/customers/import: the customer CSV (phone, name, language, pin, meter, role), every row or none.</summary>
    public async Task ImportCustomersAsync(string csv, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/customers/import", UriKind.Relative))
        {
            Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Api-Key", credentials.AdminApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        await ExpectSuccessAsync(response, "POST /admin/customers/import", cancellationToken);
    }

    /// <summary>GET /admin/meters/{meter}/decoder-key (manufacturing key): what the factory loads into the meter.</summary>
    public async Task<MeterKeyExported> DecoderKeyAsync(string meter, CancellationToken cancellationToken) =>
        Read<MeterKeyExported>(await SendAsync(HttpMethod.Get, $"/admin/meters/{meter}/decoder-key", credentials.ManufacturingApiKey, null, cancellationToken));

    /// <summary>The customer's wallet balance from GET /staff/customers/{phone}/timeline (agent key).</summary>
    public async Task<decimal> WalletBalanceAsync(string phone, CancellationToken cancellationToken)
    {
        var timeline = Read<JsonElement>(await TimelineAsync(phone, cancellationToken));
        return timeline.TryGetProperty("walletBalance", out var balance) && balance.ValueKind == JsonValueKind.Number ? balance.GetDecimal() : 0m;
    }

    /// <summary>Whether the Gateway has the phone on record: a customer, or any payment or message on its timeline.</summary>
    public async Task<bool> KnowsPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var record = Read<PhoneRecord>(await TimelineAsync(phone, cancellationToken));
        return record.Found || record.Entries.Length > 0;
    }

    /// <summary>GET /staff/customers/{phone}/timeline (agent key), as the Gateway answered it.</summary>
    private Task<string> TimelineAsync(string phone, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/staff/customers/{Uri.EscapeDataString(phone)}/timeline", credentials.AgentApiKey, null, cancellationToken);

    /// <summary>GET /staff/purchases?phone= (agent key), newest first.</summary>
    public async Task<IReadOnlyList<PurchaseSummary>> PurchasesAsync(string phone, CancellationToken cancellationToken) =>
        [.. (Read<List<PurchaseSummary>>(await SendAsync(HttpMethod.Get, $"/staff/purchases?phone={Uri.EscapeDataString(phone)}", credentials.AgentApiKey, null,
            cancellationToken))).OrderByDescending(p => p.CreatedAt)];

    /// <summary>POST /staff/purchases/{id}/resend (agent key) with the reason for the audit.</summary>
    public Task ResendAsync(Guid purchaseId, string phone, string reason, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/staff/purchases/{purchaseId}/resend", credentials.AgentApiKey, new { phone, reason }, cancellationToken);

    /// <summary>GET /staff/audit?who=agent (supervisor key), newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> AgentAuditAsync(CancellationToken cancellationToken) =>
        Read<List<JsonElement>>(await SendAsync(HttpMethod.Get, "/staff/audit?who=agent", credentials.SupervisorApiKey, null, cancellationToken));

    /// <summary>POST /ussd as Africa's Talking posts it; the answer's text (CON … or END …).</summary>
    public async Task<string> UssdAsync(string sessionId, string phone, string text, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sessionId"] = sessionId, ["serviceCode"] = "*384*1#", ["phoneNumber"] = phone, ["networkCode"] = "63902", ["text"] = text,
        });
        using var response = await http.PostAsync(new Uri("/ussd", UriKind.Relative), content, cancellationToken);
        return await ExpectSuccessAsync(response, "POST /ussd", cancellationToken);
    }

    private async Task<string> SendAsync(HttpMethod method, string path, string apiKey, object? body, CancellationToken cancellationToken) =>
        (await SendForStatusAsync(method, path, apiKey, body, cancellationToken)).Text;

    private async Task<(HttpStatusCode Status, string Text)> SendForStatusAsync(HttpMethod method, string path, string apiKey, object? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await ExpectSuccessAsync(response, $"{method} {path.Split('?')[0]}", cancellationToken));
    }

    private static async Task<string> ExpectSuccessAsync(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw new GatewayRefusedException($"{route} answered {(int)response.StatusCode}: {text}", response.StatusCode);
    }

    /// <summary>An answer as <typeparamref name="T"/>; one of another shape is a <see cref="GatewayRefusedException"/> quoting it, as a refusal is.</summary>
    private static T Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new GatewayRefusedException($"the Gateway answered no data: {json}");
        }
        catch (JsonException e)
        {
            throw new GatewayRefusedException($"the Gateway answered what this client cannot read ({e.Message}): {json}");
        }
    }

    /// <summary>What <see cref="KnowsPhoneAsync"/> reads of a timeline; both are required, so an answer without them is refused rather than read as new.</summary>
    private sealed record PhoneRecord([property: JsonRequired] bool Found, [property: JsonRequired] JsonElement[] Entries);
}
