using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>Lists the virtual host's dead-letter queue and re-drives its messages to the queues they came from.</summary>
/// <remarks>
/// Listing takes the messages without acknowledging them and gives them all back when the channel closes, so nothing is removed.
/// A re-drive publishes a copy to its queue and waits for the broker's confirm before it acknowledges (removes) the dead letter, so
/// a crash in between leaves a duplicate, never a loss; the consumers are idempotent on the message's business key.
/// </remarks>
public sealed class DeadLetterQueue(IOptions<BusOptions> options)
{
    private static readonly string[] FaultHeaders = ["MT-Reason", "MT-Fault-ExceptionType", "MT-Fault-Message", "MT-Fault-StackTrace", "MT-Fault-Timestamp",
        "MT-Fault-ConsumerType", "MT-Fault-MessageType", "MT-Fault-InputAddress", "MT-Fault-RetryCount", "MT-Fault-Host-MachineName", "MT-Fault-Host-ProcessName",
        "MT-Fault-Host-ProcessId", "MT-Fault-Host-Assembly", "MT-Fault-Host-AssemblyVersion", "MT-Fault-Host-FrameworkVersion",
        "MT-Fault-Host-MassTransitVersion", "MT-Fault-Host-OperatingSystemVersion", "MT-Host-MachineName", "MT-Host-ProcessName", "MT-Host-ProcessId",
        "MT-Host-Assembly", "MT-Host-AssemblyVersion", "MT-Host-FrameworkVersion", "MT-Host-MassTransitVersion", "MT-Host-OperatingSystemVersion"];

    private string Name => options.Value.DeadLetterQueue;

    /// <summary>Up to <paramref name="limit"/> dead letters, oldest first; the queue is left as it was.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var letters = new List<DeadLetter>();
        while (letters.Count < limit && await channel.BasicGetAsync(Name, autoAck: false, cancellationToken) is { } message)
        {
            letters.Add(Describe(message));
        }

        return letters; // unacknowledged: closing the channel gives them back
    }

    /// <summary>Puts back the dead letters <paramref name="redrive"/> picks (all of them when null) onto the queues they came from;
    /// returns those re-driven. One that names no queue stays.</summary>
    public async Task<IReadOnlyList<DeadLetter>> RedriveAsync(Func<DeadLetter, bool>? redrive, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var moved = new List<DeadLetter>();
        var seen = new HashSet<string>();
        // A message left alone stays unacknowledged until the channel closes, so the loop ends at the queue's end; one that failed
        // again since its re-drive comes round a second time and is left for the next re-drive.
        while (await channel.BasicGetAsync(Name, autoAck: false, cancellationToken) is { } message)
        {
            var letter = Describe(message);
            if (!seen.Add(letter.MessageId) || letter.Queue is null || !(redrive?.Invoke(letter) ?? true))
            {
                continue;
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?.Where(h => !FaultHeaders.Contains(h.Key) && !h.Key.StartsWith("x-", StringComparison.Ordinal))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            try
            {
                // The default exchange routes by queue name; the confirm comes before the dead letter is removed.
                await channel.BasicPublishAsync("", letter.Queue, mandatory: true, properties, message.Body, cancellationToken);
            }
            catch (PublishException)
            {
                continue; // returned (the queue is gone) or refused: the dead letter stays
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved.Add(letter);
        }

        return moved;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await new ConnectionFactory { Uri = options.Value.RabbitMq!, ClientProvidedName = "dead-letters" }.CreateConnectionAsync(cancellationToken);

    private static DeadLetter Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        } : null;

        var queue = Header("MT-Fault-InputAddress") is { } input && Uri.TryCreate(input, UriKind.Absolute, out var address)
            ? address.Segments[^1]
            : Header("x-first-death-queue");
        var error = Header("MT-Fault-ExceptionType") is { } type ? $"{type}: {Header("MT-Fault-Message")}" : null;
        var failedAt = DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var (id, messageType) = Envelope(message.Body.Span);
        return new DeadLetter(id ?? message.BasicProperties.MessageId ?? $"delivery-{message.DeliveryTag}", messageType, queue,
            Header("MT-Reason") ?? Header("x-first-death-reason") ?? "unknown", error, failedAt);
    }

    /// <summary>The message id and type from MassTransit's JSON envelope (other bodies have neither).</summary>
    private static (string? Id, string? Type) Envelope(ReadOnlySpan<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            var root = json.RootElement;
            var id = root.TryGetProperty("messageId", out var messageId) ? messageId.GetString() : null;
            var type = root.TryGetProperty("messageType", out var types) && types.GetArrayLength() > 0 ? types[0].GetString()?.Replace("urn:message:", "", StringComparison.Ordinal) : null;
            return (id, type);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
