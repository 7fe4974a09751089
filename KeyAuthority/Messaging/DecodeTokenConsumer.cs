using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.KeyAuthority.Decoding;

namespace SmsVending.KeyAuthority.Messaging;

/// <summary>Answers <see cref="DecodeToken"/> (call-centre staff) with <see cref="TokenDecoded"/> or <see cref="TokenDecodeRefused"/>.</summary>
internal sealed class DecodeTokenConsumer(StaffTokenDecoder decoder) : IConsumer<DecodeToken>
{
    public async Task Consume(ConsumeContext<DecodeToken> context)
    {
        var (decoded, refused) = await decoder.DecodeAsync(context.Message, context.CancellationToken);
        await (decoded is not null ? context.RespondAsync(decoded) : context.RespondAsync(refused!));
    }
}
