using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.Infrastructure.Csv;
using SmsVending.KeyAuthority.Meters;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Meters;

public sealed class MeterStoreTests : KeyAuthorityTest
{
    public static TheoryData<RegisterMeterKey, string> BadRegistrations => new()
    {
        { new RegisterMeterKey { MeterNumber = "01234567890", SupplyGroupCode = 1 }, "check digit" },
        { new RegisterMeterKey { MeterNumber = "01234567897", SupplyGroupCode = 1, KeyRevision = 0 }, "1..9" },
        { new RegisterMeterKey { MeterNumber = "01234567897", SupplyGroupCode = 1, Dkga = 2, Algorithm = EncryptionAlgorithm.Ea11 }, "DKGA04" },
        { new RegisterMeterKey { MeterNumber = "01234567897", SupplyGroupCode = 1, KeyExpiry = 256 }, "0..255" },
        { new RegisterMeterKey { MeterNumber = "SHS 1", Profile = TokenProfile.OpenPaygo, DeviceKey = new string('a', 32) }, "serial" },
        { new RegisterMeterKey { MeterNumber = "SHS-1", Profile = TokenProfile.OpenPaygo, DeviceKey = "abc" }, "32 hex digits" },
        { new RegisterMeterKey { MeterNumber = "SHS-1", Profile = TokenProfile.OpenPaygo, DeviceKey = new string('a', 32), TimeDivider = 0 }, "time divider" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_BadRecord_SaysWhatIsWrongAndStoresNothing(RegisterMeterKey registration, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.RegisterAsync(registration));

        Assert.Contains(expected, error.Message);
        Assert.Null(await Store.FindAsync(registration.MeterNumber));
    }

    [Fact]
    public async Task RegisterAll_OneDuplicate_StoresNoneAndNamesTheRecord()
    {
        var first = new RegisterMeterKey { MeterNumber = MeterNumber.Create("0000000001").Digits, SupplyGroupCode = 1 };
        var second = first with { MeterNumber = MeterNumber.Create("0000000002").Digits };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.RegisterAllAsync([first, second, first]));

        Assert.StartsWith("record 3: ", error.Message);
        Assert.Null(await Store.FindAsync(second.MeterNumber));
    }

    [Fact]
    public async Task Register_RegistrationCode_IsStoredHashed()
    {
        var meter = MeterNumber.Create("0000000003").Digits;

        await Store.RegisterAsync(new RegisterMeterKey { MeterNumber = meter, SupplyGroupCode = 1, RegistrationCode = "7731" });

        var row = await Store.FindAsync(meter);
        Assert.StartsWith("argon2id$", row!.CredentialHash);
        Assert.DoesNotContain("7731", row.CredentialHash);
    }

    [Fact]
    public async Task Import_GoodCsv_RegistersEveryRow()
    {
        var csv = "Meter, SGC, TI\n01234567897,123456,1\n\n00000000000,123456,1\n";

        var count = await Store.ImportAsync(new StringReader(csv));

        Assert.Equal(2, count);
        Assert.NotNull(await Store.FindAsync("00000000000"));
    }

    [Fact]
    public async Task Import_BadField_NamesTheLineAndStoresNothing()
    {
        var csv = "meter,sgc,ti\n01234567897,123456,1\n00000000000,many,1\n";

        var error = await Assert.ThrowsAsync<CsvLineException>(() => Store.ImportAsync(new StringReader(csv)));

        Assert.Equal(3, error.Line);
        Assert.Equal("line 3: sgc: expected a whole number, got 'many'", error.Message);
        Assert.Null(await Store.FindAsync("01234567897"));
    }

    [Fact]
    public async Task Import_MeterRegisteredAlready_NamesItsLineAndStoresNothing()
    {
        await Store.RegisterAsync(new RegisterMeterKey { MeterNumber = "00000000000", SupplyGroupCode = 1 });
        var csv = "meter,sgc,ti\n\"0123 4567 897\",123456,1\n00000000000,123456,1\n";

        var error = await Assert.ThrowsAsync<CsvLineException>(() => Store.ImportAsync(new StringReader(csv)));

        Assert.Equal(3, error.Line);
        Assert.Contains("meter 00000000000 is registered already", error.Message);
        Assert.Null(await Store.FindAsync("01234567897"));
    }

    [Fact]
    public async Task Import_NoMeterColumn_IsRefusedAtLineOne()
    {
        var error = await Assert.ThrowsAsync<CsvLineException>(() => Store.ImportAsync(new StringReader("sgc,ti\n1,1\n")));

        Assert.Equal(1, error.Line);
    }

    private MeterStore Store => Authority.Get<MeterStore>();
}
