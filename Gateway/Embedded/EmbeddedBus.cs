using MassTransit;

namespace SmsVending.Gateway.Embedded;

/// <summary>The embedded system's bus: MassTransit's in-memory transport, tuned for three services sharing one process.</summary>
internal static class EmbeddedBus
{
    /// <summary>Messages each endpoint handles at once (README "Figures", item 11).</summary>
    private const int Concurrency = 64;

    /// <summary>Runs the bus in memory, with delayed redelivery through the in-memory scheduler.</summary>
    public static void UsingEmbeddedBus(this IBusRegistrationConfigurator bus)
    {
        bus.AddDelayedMessageScheduler();
        bus.UsingInMemory((context, memory) =>
        {
            memory.UseDelayedMessageScheduler();
            // The transport's default is one message per core at a time per endpoint; a purchase mostly waits (on a disk
            // sync, on the KeyAuthority), so two at a time left both cores idle under load. In side-by-side load runs 64 at
            // once cost the least CPU per purchase: 8, 16 and 32 cost more, and so did 128.
            memory.ConcurrentMessageLimit = Concurrency;
            // The messages never leave this process, so MassTransit's envelope (addresses and host details, written and parsed again
            // for every message: about a tenth of a purchase's CPU) buys nothing. Bare JSON, with the message type, request and
            // redelivery details in the transport's headers; a message is still only handed to consumers of its own type.
            memory.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
            memory.ConfigureEndpoints(context);
        });
    }
}
