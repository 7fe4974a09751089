using System.Net;
using System.Security.Cryptography;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.MeterEmulator.GatewayApi;

namespace SmsVending.MeterEmulator.Load;

/// <summary>A load customer's phone and meter numbers: a three-digit run prefix and the customer's index, so a run keeps apart
/// from the data it runs against. A prefix is one in a thousand, so two runs against the same data, or a run and the demo's
/// customers (prefix 110 gives +254711000001), can meet: a number the Gateway finds registered already is drawn again.</summary>
internal static class LoadNumbers
{
    /// <summary>Prefixes tried for one step before provisioning gives up with the Gateway's last refusal.</summary>
    internal const int Draws = 10;

    /// <summary>A random run prefix, 0 to 999.</summary>
    public static int Draw() => RandomNumberGenerator.GetInt32(1000);

    /// <summary>The customer's phone on a prefix: a Kenyan mobile number.</summary>
    public static string Phone(int prefix, int index) => $"+2547{prefix:D3}{index:D5}";

    /// <summary>The customer's STS meter number on a prefix, with its check digit.</summary>
    public static string Meter(int prefix, int index) => MeterNumber.Create($"04{prefix:D3}{index:D5}").Digits;

    /// <summary>Runs a step that registers numbers made from a prefix, first <paramref name="prefix"/>, and again on a newly
    /// drawn one each time the Gateway answers 409 (a number registered already), at most <see cref="Draws"/> times in all.</summary>
    public static async Task OnFreeNumbersAsync(int prefix, Func<int, Task> step)
    {
        for (var draw = 1; ; draw++)
        {
            try
            {
                await step(prefix);
                return;
            }
            catch (GatewayRefusedException e) when (e.Status == HttpStatusCode.Conflict && draw < Draws)
            {
                prefix = Draw();
            }
        }
    }
}
