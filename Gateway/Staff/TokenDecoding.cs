using MassTransit;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Vending;

namespace SmsVending.Gateway.Staff;

/// <summary>Explains a token a customer reads out: the KeyAuthority decodes it under the named meter's key, or under each of
/// the customer's meters in turn. Keys never leave the KeyAuthority.</summary>
internal sealed class TokenDecoding(IRequestClient<DecodeToken> decoder, IRequestClient<GetCustomerTimeline> timelines)
{
    /// <summary>The decoded token, or why it could not be explained.</summary>
    public async Task<(TokenDecoded? Decoded, string? Problem)> DecodeAsync(string token, string? meter, string? phone, CancellationToken cancellationToken)
    {
        var meters = meter is not null ? [meter]
            : (await timelines.GetResponse<CustomerTimeline>(new GetCustomerTimeline(phone!, Limit: 1), cancellationToken)).Message.Meters.Select(m => m.MeterNumber).ToList();
        if (meters.Count == 0)
        {
            return (null, "this phone has no meters to try the token on");
        }

        var reasons = new List<string>();
        foreach (var candidate in meters)
        {
            var answer = await decoder.GetResponse<TokenDecoded, TokenDecodeRefused>(new DecodeToken(token, candidate), cancellationToken);
            if (answer.Is(out Response<TokenDecoded>? decoded))
            {
                return (decoded.Message, null);
            }

            if (answer.Is(out Response<TokenDecodeRefused>? refused))
            {
                reasons.Add($"{refused.Message.MeterNumber}: {refused.Message.Reason}");
            }
        }

        return (null, string.Join("; ", reasons));
    }
}
