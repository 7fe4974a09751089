using SmsVending.MeterEmulator.Ir;
using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Load;

/// <summary>A purchase over the infrared session: the phone relays frames between the meter and the host, the meter credits
/// itself from the confirmation, and the token SMS that follows is the receipt.</summary>
public sealed partial class LoadRun
{
    private async Task InfraredPurchaseAsync(LoadCustomer customer, bool afterWarmup, CancellationToken cancellationToken)
    {
        tally.PurchaseSent();
        tally.InfraredSent();
        IrPurchaseResult result;
        try
        {
            result = await infrared.RunAsync(customer.Meter, new IrPurchaseOrder(customer.Phone, settings.Amount) { Timeout = settings.ReplyTimeout }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            tally.Error($"the IR relay failed: {e.HttpRequestError}");
            return;
        }

        customer.Meter = result.State;
        if (result.Status != IrPurchaseStatus.Credited)
        {
            if (result.Status == IrPurchaseStatus.PurchaseRefused)
            {
                tally.Confirmed();
                tally.Rejected($"IR: {result.Confirmation?.Outcome}");
            }
            else
            {
                tally.Error($"IR: {result.Status}");
            }

            return;
        }

        tally.Confirmed();
        var tokens = result.Entries.Select(e => e.Token).ToList();
        lock (tokensSeen)
        {
            tokens.ForEach(t => tokensSeen.Add(t));
        }

        // Every entry is counted, so no short-circuit.
        if (result.Entries.Select(e => Counted(e.Result, "IR meter")).ToList().TrueForAll(taken => taken))
        {
            tally.TokenSetAccepted(afterWarmup);
            tally.InfraredCredited();
        }

        await ReceiptAsync(customer, tokens, cancellationToken);
    }

    /// <summary>Waits for the token SMS that follows an IR purchase; it must carry the tokens the meter took already.</summary>
    private async Task ReceiptAsync(LoadCustomer customer, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        try
        {
            var answered = customer.Answered;
            var receipt = await network.Phone(customer.Phone).WaitForMessageAsync(m => !answered.Contains(m.Sid), settings.ReplyTimeout, cancellationToken);
            answered.Add(receipt.Sid);
            if (!TokenText.Find(receipt.Body).SequenceEqual(tokens))
            {
                tally.Error("the SMS after an IR purchase does not carry its tokens");
            }
        }
        catch (TimeoutException)
        {
            tally.Error($"no receipt SMS within {settings.ReplyTimeout.TotalSeconds:0} s of an IR purchase");
        }
    }
}
