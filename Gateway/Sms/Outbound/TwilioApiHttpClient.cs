using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Twilio.Constant;
using Twilio.Http;

namespace SmsVending.Gateway.Sms.Outbound;

/// <summary>The Twilio SDK's HTTP transport over a <see cref="System.Net.Http.HttpClient"/>; with a base URL set, requests
/// for https://api.twilio.com go there instead (the MeterEmulator's phone network), path and query unchanged.</summary>
/// <remarks>Builds requests as the SDK's own SystemNetHttpClient does: Basic (or the auth strategy's) Authorization,
/// the SDK's User-Agent, Accept JSON, a form body (JSON for JSON requests), and hands back status, content and headers.</remarks>
public sealed class TwilioApiHttpClient(System.Net.Http.HttpClient http, Uri? baseUrl = null) : Twilio.Http.HttpClient
{
    private static readonly string UserAgent =
        $"twilio-csharp/{typeof(Twilio.TwilioClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}"
        + $" ({Environment.OSVersion.Platform} {RuntimeInformation.OSArchitecture}) .NET/{Environment.Version}";

    /// <summary>Sends the request and waits for the answer.</summary>
    public override Response MakeRequest(Request request)
    {
        using var message = Build(request);
        using var response = http.Send(message);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return Answer(response, reader.ReadToEnd());
    }

    /// <summary>Sends the request.</summary>
    public override async Task<Response> MakeRequestAsync(Request request)
    {
        using var message = Build(request);
        using var response = await http.SendAsync(message).ConfigureAwait(false);
        return Answer(response, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    // Twilio's API host (any region or edge) swapped for the base URL when one is set.
    private Uri Target(Request request)
    {
        var url = request.ConstructUrl();
        return baseUrl is not null && url.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && url.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase)
            ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + url.PathAndQuery)
            : url;
    }

    private HttpRequestMessage Build(Request request)
    {
        LastRequest = request;
        LastResponse = null;
        var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(request.Method.ToString()), Target(request));
        if (request.AuthStrategy is { } strategy)
        {
            if (strategy.RequiresAuthentication())
            {
                message.Headers.TryAddWithoutValidation("Authorization", strategy.GetAuthString());
            }
        }
        else
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Authentication(request.Username, request.Password));
        }

        message.Headers.TryAddWithoutValidation("User-Agent", string.Join(' ', [UserAgent, .. request.UserAgentExtensions ?? []]));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("utf-8"));
        foreach (var (name, value) in request.HeaderParams)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (!Equals(request.Method, Twilio.Http.HttpMethod.Get))
        {
            message.Content = Equals(request.ContentType, EnumConstants.ContentTypeEnum.JSON) || Equals(request.ContentType, EnumConstants.ContentTypeEnum.SCIM)
                ? new StringContent(request.Body ?? "", Encoding.UTF8, request.ContentType.ToString())
                : new FormUrlEncodedContent(request.PostParams);
        }

        return message;
    }

    private Response Answer(HttpResponseMessage response, string content) => LastResponse = new Response(response.StatusCode, content, response.Headers);
}
