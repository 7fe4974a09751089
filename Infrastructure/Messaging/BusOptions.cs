using System.ComponentModel.DataAnnotations;

namespace SmsVending.Infrastructure.Messaging;

/// <summary>How a service of the distributed system reaches RabbitMQ (configuration section "Bus"), checked at start.</summary>
public sealed class BusOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Bus";

    /// <summary>The broker and virtual host, e.g. amqp://user:password@127.0.0.1:5672/ (the path names the virtual host).</summary>
    [Required(ErrorMessage = "Bus:RabbitMq is required, e.g. environment Bus__RabbitMq=amqp://user:password@127.0.0.1:5672/")]
    public Uri? RabbitMq { get; set; }

    /// <summary>Quorum queues (replicated, durable; RabbitMQ 3.8 and later); false declares classic durable queues for older servers.</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>Deliveries of one message (its consumer's process died each time) after which it is dead-lettered instead of
    /// crashing the next instance too.</summary>
    [Range(2, 1000)]
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>Where every service puts a message it could not handle after its retries: one queue per virtual host, listed and
    /// re-driven by the staff API.</summary>
    [Required]
    public string DeadLetterQueue { get; set; } = "dead-letters";

    /// <summary>How long one attempt at consuming a message may take before it is given up and retried (see <see cref="DeliveryDeadline"/>);
    /// longer than any consumer waits on purpose.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeliveryDeadline { get; set; } = TimeSpan.FromMinutes(1);
}
