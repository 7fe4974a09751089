using MassTransit;
using SmsVending.Contracts.Vending;

namespace SmsVending.Vending.Staff;

/// <summary>Answers staff searches for purchases.</summary>
internal sealed class FindPurchasesConsumer(StaffQueries queries) : IConsumer<FindPurchases>
{
    public async Task Consume(ConsumeContext<FindPurchases> context) =>
        await context.RespondAsync(await queries.FindAsync(context.Message, context.CancellationToken));
}

/// <summary>Answers staff requests for a customer's timeline.</summary>
internal sealed class CustomerTimelineConsumer(StaffQueries queries) : IConsumer<GetCustomerTimeline>
{
    public async Task Consume(ConsumeContext<GetCustomerTimeline> context) =>
        await context.RespondAsync(await queries.TimelineAsync(context.Message, context.CancellationToken));
}
