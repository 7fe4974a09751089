using System.Net.Http.Json;
using System.Text.Json;
using SmsVending.Contracts.Ir;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Ir;

/// <summary>The factory step for IR: the meter gets an Ed25519 key pair (kept if it has one), the factory registers its public key
/// through the manufacturing API (PUT /admin/meters/{meter}/ir-identity) and loads the host key that call answers into the meter.</summary>
/// <remarks>The host key comes over the authenticated manufacturing channel, like the decoder key, never from the customer's relay.</remarks>
public static class IrEnrolment
{
    /// <summary>A new identity key as the meter stores it (the seed in hex).</summary>
    public static string NewIdentityKey()
    {
        using var key = IrIdentity.Create();
        return Convert.ToHexStringLower(IrIdentity.Export(key));
    }

    /// <summary>Whether the meter can take part in IR sessions.</summary>
    public static bool IsEnrolled(StsMeterState meter) => meter.IrIdentityKey is not null && meter.IrHostKey is not null;

    /// <summary>Registers the meter's key and returns the meter with the host key loaded; a refusal is an <see cref="IrEnrolmentException"/>.</summary>
    public static async Task<StsMeterState> EnrolAsync(HttpClient gateway, string manufacturingApiKey, StsMeterState meter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(meter);
        var seed = meter.IrIdentityKey ?? NewIdentityKey();
        using var key = IrIdentity.Import(Convert.FromHexString(seed));
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/admin/meters/{meter.MeterNumber}/ir-identity", UriKind.Relative))
        {
            Content = JsonContent.Create(new { publicKey = Convert.ToHexStringLower(IrIdentity.PublicKeyOf(key)) }),
        };
        request.Headers.Add("X-Api-Key", manufacturingApiKey);
        using var response = await gateway.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new IrEnrolmentException($"the Gateway refused to register meter {meter.MeterNumber}'s IR key ({(int)response.StatusCode}): {ProblemDetail(text)}");
        }

        var registered = JsonSerializer.Deserialize<MeterIdentityRegistered>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new IrEnrolmentException($"the Gateway answered no registration: {text}");
        return meter with { IrIdentityKey = seed, IrHostKey = registered.HostPublicKey };
    }

    /// <summary>The detail of an application/problem+json answer, or the text as it is.</summary>
    internal static string ProblemDetail(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}

/// <summary>The meter could not be enrolled; the message says why.</summary>
public sealed class IrEnrolmentException(string message) : Exception(message);
