using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.Infrastructure.Csv;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Messaging;

/// <summary>Answers <see cref="ImportMeterKeys"/>: all records stored, or none and the first bad line.</summary>
internal sealed class ImportMeterKeysConsumer(MeterStore meters) : IConsumer<ImportMeterKeys>
{
    public async Task Consume(ConsumeContext<ImportMeterKeys> context)
    {
        try
        {
            var count = await meters.ImportAsync(new StringReader(context.Message.Csv), context.CancellationToken);
            await context.RespondAsync(new MeterKeysImported(count));
        }
        catch (ArgumentException e)
        {
            await context.RespondAsync(new MeterKeysImportRefused(e.Message, (e as CsvLineException)?.Line, RefusedException.KindOf(e)));
        }
    }
}
