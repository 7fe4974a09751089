using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Raised inside an issuing transaction to roll it back and answer with a typed rejection.</summary>
internal sealed class TokenRejectionException(TokenRejection reason, string message) : Exception(message)
{
    public TokenRejection Reason { get; } = reason;
}
