namespace SmsVending.Gateway;

/// <summary>What the Gateway says while its HTTP routes are still being built.</summary>
internal static class NotYet
{
    public const string Message =
        "SmsVending Gateway: the KeyAuthority and Vending run in this process with demo data (see credentials.json in the data folder). " +
        "SMS, USSD, mobile-money and staff routes arrive with the rest of the Gateway issue; tokens can be made with `dotnet run --project KeyAuthority -- sts --help`.";
}
