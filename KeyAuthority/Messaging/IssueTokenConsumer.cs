using MassTransit;
using SmsVending.Infrastructure.Messaging;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Issuance;

namespace SmsVending.KeyAuthority.Messaging;

/// <summary>Answers <see cref="IssueToken"/> with the tokens or a typed rejection.</summary>
internal sealed class IssueTokenConsumer(TokenIssuer issuer) : IConsumer<IssueToken>
{
    public async Task Consume(ConsumeContext<IssueToken> context)
    {
        var result = await issuer.IssueAsync(context.Message, context.CancellationToken);
        if (result.Issued is { } issued)
        {
            await context.RespondAsync(issued);
        }
        else
        {
            await context.RespondAsync(result.Rejected!);
        }
    }
}

/// <summary>Database hiccups are retried: issuing is idempotent on the request id, so a retry never makes a second token.</summary>
internal sealed class IssueTokenConsumerDefinition : ConsumerDefinition<IssueTokenConsumer>
{
    /// <summary>Requests handled at once. They wait on the issuer's group commit, so many in flight means large, cheap batches.</summary>
    public const int InFlight = 128;

    public IssueTokenConsumerDefinition() => ConcurrentMessageLimit = InFlight;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<IssueTokenConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(ConsumerRetry.Configure);
    }
}
