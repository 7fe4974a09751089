using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Refusals;
using SmsVending.KeyAuthority.Credentials;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Messaging;

/// <summary>Answers <see cref="RegisterMeterKey"/>.</summary>
internal sealed class RegisterMeterKeyConsumer(MeterStore meters) : IConsumer<RegisterMeterKey>
{
    public async Task Consume(ConsumeContext<RegisterMeterKey> context)
    {
        try
        {
            await meters.RegisterAsync(context.Message, context.CancellationToken);
            await context.RespondAsync(new MeterKeyRegistered(context.Message.MeterNumber));
        }
        catch (ArgumentException e)
        {
            await context.RespondAsync(new MeterKeyRegistrationRefused(context.Message.MeterNumber, e.Message, RefusedException.KindOf(e)));
        }
    }
}

/// <summary>Answers <see cref="VerifyMeterCredential"/>.</summary>
internal sealed class VerifyMeterCredentialConsumer(CredentialVerifier verifier) : IConsumer<VerifyMeterCredential>
{
    public async Task Consume(ConsumeContext<VerifyMeterCredential> context) =>
        await context.RespondAsync(await verifier.VerifyAsync(context.Message.MeterNumber, context.Message.Secret, context.CancellationToken));
}

/// <summary>Answers <see cref="ExportMeterKey"/> (the manufacturing export).</summary>
internal sealed class ExportMeterKeyConsumer(ManufacturingExport export) : IConsumer<ExportMeterKey>
{
    public async Task Consume(ConsumeContext<ExportMeterKey> context)
    {
        var (key, refusal) = await export.ExportAsync(context.Message, context.CancellationToken);
        await (key is not null ? context.RespondAsync(key) : context.RespondAsync(refusal!));
    }
}
