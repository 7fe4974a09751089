using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class SimSlotTests
{
    private const string Utility = "SMSVEND";
    private static readonly DateTimeOffset At = new(2026, 11, 24, 17, 5, 9, TimeSpan.FromHours(3));

    [Fact]
    public void Insert_UtilityMessages_AppliesTokensInRecordThenTextOrderAndMarksRead()
    {
        var image = SimImage.Blank(5);
        image.Store(new SmsDeliver(Utility, "Enter in order: 1)1111 2222 3333 4444 5555 2)6666 7777 8888 9999 0000 Ref 7F3A", At));
        image.Store(new SmsDeliver(Utility, "Token 12345678901234567890 Ref 8B2C", At.AddMinutes(5)));
        var applied = new List<string>();

        var report = SimSlot.Insert(image, Utility, token => { applied.Add(token); return $"Accepted {applied.Count}"; });

        Assert.Equal(["11112222333344445555", "66667777888899990000", "12345678901234567890"], applied);
        Assert.Equal(["Accepted 1", "Accepted 2", "Accepted 3"], report.Tokens.Select(t => t.Result));
        Assert.All(report.Records, r => Assert.Equal(SimRecordOutcome.Applied, r.Outcome));
        Assert.All(report.Records, r => Assert.True(r.WasUnread));
        Assert.Equal([SimRecordStatus.ReceivedRead, SimRecordStatus.ReceivedRead, SimRecordStatus.Free], image.Read().Take(3).Select(r => r.Status));
    }

    [Fact]
    public void Insert_CorruptAndForeignRecords_AreReportedSkippedAndLeftUnread()
    {
        var image = SimImage.Blank(4);
        image.Store(new SmsDeliver("+254712345678", "Use 11112222333344445555 for the fridge", At));
        image.Store(new SmsDeliver(Utility, "Token 1234 5678 9012 3456 7890", At));
        image.Store(new SmsDeliver(Utility, "Not enough balance (KES 20.00). Pay by M-Pesa, then try again.", At));
        var corrupted = image.ToBytes();
        corrupted[3 * 176 + 1] = 0x0C; // record 4: a 12-octet service centre address
        corrupted[3 * 176] = 0x03;
        image = SimImage.FromBytes(corrupted);
        var applied = new List<string>();

        var report = SimSlot.Insert(image, Utility, token => { applied.Add(token); return "Accepted"; });

        Assert.Equal(["12345678901234567890"], applied);
        Assert.Equal(
            [SimRecordOutcome.ForeignSender, SimRecordOutcome.Applied, SimRecordOutcome.NoTokens, SimRecordOutcome.Corrupt],
            report.Records.Select(r => r.Outcome));
        Assert.Equal("sent by +254712345678, not SMSVEND", report.Records[0].Reason);
        Assert.Contains("service centre address length 12", report.Records[3].Reason);
        Assert.Equal(
            [SimRecordStatus.ReceivedUnread, SimRecordStatus.ReceivedRead, SimRecordStatus.ReceivedUnread, SimRecordStatus.ReceivedUnread],
            image.Read().Select(r => r.Status));
    }

    [Fact]
    public void Insert_AlreadyReadRecord_IsAppliedAgainForTheMeterToJudge()
    {
        var image = SimImage.Blank(2);
        image.Store(new SmsDeliver(Utility, "Token 12345678901234567890", At));
        SimSlot.Insert(image, Utility, _ => "Accepted");

        var again = SimSlot.Insert(image, Utility, _ => "Used");

        var record = Assert.Single(again.Records);
        Assert.False(record.WasUnread);
        Assert.Equal([new SimTokenReport("12345678901234567890", "Used")], record.Tokens);
    }

    [Fact]
    public void Insert_ImageFile_SavesTheMarks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.bin");
        try
        {
            var image = SimImage.Blank(2);
            image.Store(new SmsDeliver(Utility, "Token 12345678901234567890", At));
            image.Save(path);

            var report = SimSlot.Insert(path, Utility, _ => "Accepted");

            Assert.Single(report.Tokens);
            Assert.Equal(SimRecordStatus.ReceivedRead, SimImage.Load(path).Read()[0].Status);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
