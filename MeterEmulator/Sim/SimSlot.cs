using SmsVending.MeterEmulator.Meters;

namespace SmsVending.MeterEmulator.Sim;

/// <summary>The meter's SIM slot (the patent's storage-device path): reads the utility's token messages off the SIM.</summary>
public static class SimSlot
{
    /// <summary>Reads every received record in record order; from each readable message sent by
    /// <paramref name="utilitySenderId"/> takes its 20-digit tokens in text order, passes each to <paramref name="applyToken"/>
    /// (which keys it into the meter and answers with the meter's result) and marks the record read (0x01). Corrupt records
    /// and other senders' messages are reported and skipped. Read records are applied again too: a phone marks a message
    /// read when its owner opens it, and the meter's own TID memory refuses a token it has already taken.</summary>
    /// <remarks>The image is changed in memory; save it afterwards. An exception from <paramref name="applyToken"/> propagates,
    /// with the records finished before it already marked.</remarks>
    public static SimInsertReport Insert(SimImage image, string utilitySenderId, Func<string, string> applyToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(utilitySenderId);
        var reports = new List<SimRecordReport>();
        foreach (var record in image.Read().Where(r => r.Status is SimRecordStatus.ReceivedRead or SimRecordStatus.ReceivedUnread))
        {
            var unread = record.Status == SimRecordStatus.ReceivedUnread;
            if (record.Message is not { } message)
            {
                reports.Add(new(record.Number, SimRecordOutcome.Corrupt, null, record.Corrupt, [], unread));
            }
            else if (!string.Equals(message.Sender, utilitySenderId, StringComparison.Ordinal))
            {
                reports.Add(new(record.Number, SimRecordOutcome.ForeignSender, message.Sender, $"sent by {message.Sender}, not {utilitySenderId}", [], unread));
            }
            else if (TokenText.Find(message.Text) is { Count: 0 })
            {
                reports.Add(new(record.Number, SimRecordOutcome.NoTokens, message.Sender, "the message holds no 20-digit token", [], unread));
            }
            else
            {
                var tokens = TokenText.Find(message.Text).Select(t => new SimTokenReport(t, applyToken(t))).ToList();
                image.MarkRead(record.Number);
                reports.Add(new(record.Number, SimRecordOutcome.Applied, message.Sender, null, tokens, unread));
            }
        }

        return new SimInsertReport(reports);
    }

    /// <summary><see cref="Insert(SimImage, string, Func{string, string})"/> on an image file, saved afterwards
    /// (also when <paramref name="applyToken"/> throws, so the records already applied stay marked).</summary>
    public static SimInsertReport Insert(string imagePath, string utilitySenderId, Func<string, string> applyToken)
    {
        var image = SimImage.Load(imagePath);
        try
        {
            return Insert(image, utilitySenderId, applyToken);
        }
        finally
        {
            image.Save(imagePath);
        }
    }
}
