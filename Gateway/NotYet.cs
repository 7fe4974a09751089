namespace SmsVending.Gateway;

/// <summary>What the Gateway says while it is only an empty host.</summary>
internal static class NotYet
{
    public const string Message =
        "SmsVending Gateway: an empty host for now. SMS, USSD, mobile-money and staff routes arrive with the Gateway issue; " +
        "tokens can already be made with `dotnet run --project KeyAuthority -- sts --help`.";
}
