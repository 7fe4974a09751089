using MassTransit;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>Counts the publishes of one message type.</summary>
internal sealed class PublishedCount<TMessage> : IPublishObserver where TMessage : class
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is TMessage)
        {
            Interlocked.Increment(ref count);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
