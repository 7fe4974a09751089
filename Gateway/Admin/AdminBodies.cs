using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using SmsVending.Gateway.Http;

namespace SmsVending.Gateway.Admin;

/// <summary>The admin API's JSON: web defaults, enums as camel-case names (numbers accepted), required fields enforced; read-only
/// from the start (<see cref="FrozenJson"/>).</summary>
internal static class AdminJson
{
    public static readonly JsonSerializerOptions Options = FrozenJson.Freeze(new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    });
}

/// <summary>A JSON request body, read by the route itself so that a malformed one gets a 400 saying what is wrong (and is audited).</summary>
internal sealed class JsonBody
{
    private readonly JsonObject? json;
    private readonly IResult? problem;

    private JsonBody(JsonObject? json, IResult? problem) => (this.json, this.problem) = (json, problem);

    /// <summary>A body made of the given object (for calling handlers directly).</summary>
    public static JsonBody Of<T>(T value) => new(JsonSerializer.SerializeToNode(value, AdminJson.Options)!.AsObject(), null);

    /// <summary>Reads the request body; never fails, a bad body is kept as the problem to answer with.</summary>
    public static async ValueTask<JsonBody> BindAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return new(null, AdminBus.Problem(StatusCodes.Status415UnsupportedMediaType, "send a JSON object with Content-Type: application/json"));
        }

        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true },
                cancellationToken: context.RequestAborted);
            return node is JsonObject body ? new(body, null) : new(null, AdminBus.Problem(StatusCodes.Status400BadRequest, "the body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return new(null, AdminBus.Problem(StatusCodes.Status400BadRequest, $"the body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A string property, or null when missing.</summary>
    public string? Text(string property) => json?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>This body with the property set when it is missing.</summary>
    public JsonBody WithDefault(string property, string value)
    {
        if (json is null || json.ContainsKey(property))
        {
            return this;
        }

        var copy = json.DeepClone().AsObject();
        copy[property] = value;
        return new(copy, null);
    }

    /// <summary>The body as <typeparamref name="T"/>, or the 4xx problem saying which field is wrong.</summary>
    public bool TryRead<T>([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? failure) where T : class
    {
        (value, failure) = (null, problem);
        if (json is null)
        {
            failure = problem!; // a body without JSON always holds the problem that stopped it
            return false;
        }

        try
        {
            value = json.Deserialize<T>(AdminJson.Options)!;
            return true;
        }
        catch (JsonException e)
        {
            failure = AdminBus.Problem(StatusCodes.Status400BadRequest, $"the body does not fit: {e.Message}");
            return false;
        }
    }
}

/// <summary>A text/csv request body of at most <see cref="MaxBytes"/>, read by the route itself so a wrong one gets 415 or 413 saying why.</summary>
internal sealed record CsvBody(string? Text, IResult? Problem)
{
    /// <summary>The largest file accepted (5 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Reads the request body; never fails, a bad body is kept as the problem to answer with.</summary>
    public static async ValueTask<CsvBody> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, AdminBus.Problem(StatusCodes.Status415UnsupportedMediaType, "send the file as Content-Type: text/csv (UTF-8)"));
        }

        var tooLarge = new CsvBody(null, AdminBus.Problem(StatusCodes.Status413PayloadTooLarge, $"the file is larger than {MaxBytes / 1024 / 1024} MB; split it"));
        if (request.ContentLength > MaxBytes)
        {
            return tooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return tooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        using var reader = new StreamReader(new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return text.Trim().Length == 0
            ? new(null, AdminBus.Problem(StatusCodes.Status400BadRequest, "the file is empty: the first line must name the columns"))
            : new(text, null);
    }
}
