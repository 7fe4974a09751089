using MassTransit;
using SmsVending.Contracts.Refusals;
using SmsVending.Contracts.Vending.Admin;
using SmsVending.Infrastructure.Csv;
using SmsVending.Vending.Meters;

namespace SmsVending.Vending.Admin;

/// <summary>Answers the admin API's customer requests.</summary>
internal sealed class CustomerAdminConsumer(CustomerAdmin admin, CustomerImport import) :
    IConsumer<RegisterCustomer>, IConsumer<GetCustomer>, IConsumer<ListCustomers>, IConsumer<ImportCustomers>
{
    public Task Consume(ConsumeContext<RegisterCustomer> context) => AdminAnswer.RespondAsync(context, admin.RegisterAsync);

    public Task Consume(ConsumeContext<GetCustomer> context) => AdminAnswer.RespondAsync(context, admin.GetAsync);

    public Task Consume(ConsumeContext<ListCustomers> context) => AdminAnswer.RespondAsync(context, admin.ListAsync);

    public Task Consume(ConsumeContext<ImportCustomers> context) => AdminAnswer.RespondAsync(context, import.ImportAsync);
}

/// <summary>Answers the admin API's meter and binding requests.</summary>
internal sealed class MeterAdminConsumer(MeterAdmin admin) :
    IConsumer<AddVendingMeter>, IConsumer<BlockMeter>, IConsumer<UnblockMeter>, IConsumer<ListMeters>, IConsumer<BindMeter>, IConsumer<UnbindMeter>
{
    public Task Consume(ConsumeContext<AddVendingMeter> context) => AdminAnswer.RespondAsync(context, admin.AddAsync);

    public Task Consume(ConsumeContext<BlockMeter> context) =>
        AdminAnswer.RespondAsync(context, (m, c) => admin.SetStatusAsync(m.MeterNumber, MeterStatus.Blocked, c));

    public Task Consume(ConsumeContext<UnblockMeter> context) =>
        AdminAnswer.RespondAsync(context, (m, c) => admin.SetStatusAsync(m.MeterNumber, MeterStatus.Active, c));

    public Task Consume(ConsumeContext<ListMeters> context) => AdminAnswer.RespondAsync(context, admin.ListAsync);

    public Task Consume(ConsumeContext<BindMeter> context) => AdminAnswer.RespondAsync(context, admin.BindAsync);

    public Task Consume(ConsumeContext<UnbindMeter> context) => AdminAnswer.RespondAsync(context, admin.UnbindAsync);
}

/// <summary>Answers the admin API's tariff requests.</summary>
internal sealed class TariffAdminConsumer(TariffAdmin admin) : IConsumer<SaveTariff>, IConsumer<ListTariffs>
{
    public Task Consume(ConsumeContext<SaveTariff> context) => AdminAnswer.RespondAsync(context, admin.SaveAsync);

    public Task Consume(ConsumeContext<ListTariffs> context) => AdminAnswer.RespondAsync(context, (_, c) => admin.ListAsync(c));
}

/// <summary>Every admin request gets an answer: the result, or <see cref="AdminRequestRefused"/> saying why nothing changed.</summary>
internal static class AdminAnswer
{
    public static async Task RespondAsync<TRequest, TAnswer>(ConsumeContext<TRequest> context, Func<TRequest, CancellationToken, Task<TAnswer>> handle)
        where TRequest : class
        where TAnswer : class
    {
        TAnswer answer;
        try
        {
            answer = await handle(context.Message, context.CancellationToken);
        }
        catch (ArgumentException e)
        {
            await context.RespondAsync(new AdminRequestRefused(e.Message, (e as CsvLineException)?.Line, RefusedException.KindOf(e)));
            return;
        }

        await context.RespondAsync(answer);
    }
}
