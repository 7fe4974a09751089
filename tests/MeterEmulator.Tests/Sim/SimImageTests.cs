using SmsVending.MeterEmulator.Sim;

namespace SmsVending.MeterEmulator.Tests.Sim;

public class SimImageTests
{
    private static readonly SmsDeliver Message = new("SMSVEND", "Token 1234 5678 9012 3456 7890", new DateTimeOffset(2026, 11, 24, 17, 5, 9, TimeSpan.FromHours(3)));

    [Fact]
    public void Blank_Records_AreAllFree()
    {
        var image = SimImage.Blank(50);

        Assert.Equal(50 * 176, image.ToBytes().Length);
        Assert.All(image.Read(), r => Assert.Equal(SimRecordStatus.Free, r.Status));
    }

    [Fact]
    public void Store_Messages_TakeTheFirstFreeRecordsUnread()
    {
        var image = SimImage.Blank(3);

        Assert.Equal(1, image.Store(Message));
        Assert.Equal(2, image.Store(Message with { Text = "second" }));

        Assert.Equal([SimRecordStatus.ReceivedUnread, SimRecordStatus.ReceivedUnread, SimRecordStatus.Free], image.Read().Select(r => r.Status));
        Assert.Equal("second", image.Read()[1].Message?.Text);
    }

    [Fact]
    public void Store_FullSim_Throws()
    {
        var image = SimImage.Blank(1);
        image.Store(Message);

        Assert.Throws<InvalidOperationException>(() => image.Store(Message));
    }

    [Fact]
    public void Load_SavedImage_GivesTheSameRecords()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.bin");
        try
        {
            var image = SimImage.Blank(2);
            image.Store(Message);
            image.MarkRead(1);
            image.Save(path);

            var loaded = SimImage.Load(path);

            Assert.Equal(image.ToBytes(), File.ReadAllBytes(path));
            Assert.Equal(new SimRecord(1, SimRecordStatus.ReceivedRead, Message, null, EfSmsRecord.DefaultServiceCentre), loaded.Read()[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromBytes_ShortLastRecord_ReadsCorruptAndIsNotStoredInto()
    {
        var bytes = SimImage.Blank(2).ToBytes()[..(176 + 60)];

        var image = SimImage.FromBytes(bytes);

        Assert.Equal("the record is 60 bytes, not 176", image.Read()[1].Corrupt);
        Assert.Equal(1, image.Store(Message));
        Assert.Throws<InvalidOperationException>(() => image.Store(Message));
    }

    [Fact]
    public void FromBytes_Empty_Throws()
    {
        Assert.Throws<InvalidDataException>(() => SimImage.FromBytes([]));
    }
}
