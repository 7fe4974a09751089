namespace SmsVending.MeterEmulator.Sim;

/// <summary>What happened to one received record when the SIM went into the meter's slot.</summary>
public enum SimRecordOutcome
{
    /// <summary>From the utility: its tokens went to the meter and the record is now read.</summary>
    Applied,

    /// <summary>From the utility, but it holds no token (a rejection or help text); left as it was.</summary>
    NoTokens,

    /// <summary>From another sender: not applied, left as it was.</summary>
    ForeignSender,

    /// <summary>Not readable (see the reason): not applied, left as it was.</summary>
    Corrupt,
}

/// <summary>One token taken from a record, and the meter's answer to it.</summary>
public sealed record SimTokenReport(string Token, string Result);

/// <summary>One received record: its number, outcome, sender where readable, reason when skipped, and its tokens.</summary>
public sealed record SimRecordReport(int Number, SimRecordOutcome Outcome, string? Sender, string? Reason, IReadOnlyList<SimTokenReport> Tokens, bool WasUnread);

/// <summary>Everything one insertion did, record by record.</summary>
public sealed record SimInsertReport(IReadOnlyList<SimRecordReport> Records)
{
    /// <summary>Every token applied, in the order the meter received them.</summary>
    public IEnumerable<SimTokenReport> Tokens => Records.SelectMany(r => r.Tokens);
}
