namespace SmsVending.KeyAuthority.Tests.Cli;

/// <summary>The store-backed commands against an embedded store in a temporary folder.</summary>
public sealed class StoreCliTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "smsvending-cli", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Keys_GenerateImportList_ListsNamesAndNeverKeys()
    {
        var keyFile = Write("vk.hex", "ABABABABABABABAB949494949494949401234567\n");

        Assert.Equal(0, Run("keys generate --sgc 123456 --krn 1").ExitCode);
        Assert.Equal(0, Run($"keys import --sgc 123457 --krn 2 --kt 2 --dkga 04 --key-file {keyFile}").ExitCode);
        var list = Run("keys list --json");

        var keys = list.Json().GetProperty("keys").EnumerateArray().Select(k => (k.GetProperty("sgc").GetInt32(), k.GetProperty("origin").GetString())).ToList();
        Assert.Equal([(123456, "generated"), (123457, "imported")], keys);
        Assert.DoesNotContain("ABABABAB", list.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("keys generate --sgc 12345 --krn 1", 2, "--sgc")]
    [InlineData("keys generate --sgc 123456 --krn 1 --dkga 03", 2, "--dkga")]
    [InlineData("keys import --sgc 123456 --krn 1 --key-file /nonexistent", 2, "--key-file")]
    [InlineData("meters import /nonexistent.csv", 2, "FILE")]
    [InlineData("key-change schedule --new-ti 2", 2, "--meter")]
    [InlineData("key-change schedule --meter 00000000000 --new-base 2035", 2, "rollover")]
    public void BadInput_OneLineOnStderr(string commandLine, int exitCode, string named)
    {
        var run = Run(commandLine);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public void Keys_GenerateTwice_RefusesToReplace()
    {
        Run("keys generate --sgc 123456 --krn 1");

        var run = Run("keys generate --sgc 123456 --krn 1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("never replaced", run.Error);
    }

    [Fact]
    public void MetersImport_StsAndManufacturerCsv_RegistersThemAll()
    {
        var sts = Write("sts.csv", "meter,sgc,ti,krn,kt,base,registration_code\n01234567897,123456,1,1,2,1993,1234\n\"0000 0000 000\",123456,1,1,2,2014,\n");
        var devices = Write("devices.csv", "Serial Number,Starting Code,Key,Count,Time Divider,Restricted Digit Mode,Hardware Model\nSHS-1,123456789,a29ab82edc5fbbc41ec9530f6dac86b1,0,1,0,\"Model, X\"\n");

        Assert.Equal(2, Run($"meters import {sts} --json").Json().GetProperty("imported").GetInt32());
        Assert.Equal(1, Run($"meters import {devices} --json").Json().GetProperty("imported").GetInt32());
    }

    [Fact]
    public void MetersImport_OneBadLine_RegistersNone()
    {
        var file = Write("m.csv", "meter,sgc,ti\n01234567897,123456,1\n01234567890,123456,1\n");

        var run = Run($"meters import {file}");
        var retry = Run($"meters import {Write("ok.csv", "meter,sgc,ti\n01234567897,123456,1\n")}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: meter number 01234567890 fails its check digit", run.Error);
        Assert.Equal(0, retry.ExitCode);
    }

    [Fact]
    public void Rollover_PlanThenRun_SchedulesThe1993Meters()
    {
        Run($"meters import {Write("m.csv", "meter,sgc,ti,base\n01234567897,123456,1,1993\n00000000000,123456,1,2014\n")}");

        var plan = Run("rollover plan --json").Json();
        var run = Run("rollover run --json").Json();
        var after = Run("rollover plan --json").Json();

        Assert.Equal(["01234567897"], plan.GetProperty("meters").EnumerateArray().Select(m => m.GetProperty("meter").GetString()));
        Assert.Equal(1, run.GetProperty("scheduled").GetInt32());
        Assert.Empty(after.GetProperty("meters").EnumerateArray());
    }

    [Fact]
    public void KeyChangeSchedule_SupplyGroup_CountsItsMeters()
    {
        Run($"meters import {Write("m.csv", "meter,sgc,ti\n01234567897,123456,1\n00000000000,123456,1\n")}");

        Assert.Equal(2, Run("key-change schedule --group-sgc 123456 --new-krn 2 --json").Json().GetProperty("scheduled").GetInt32());
        Assert.Equal(1, Run("key-change schedule --group-sgc 654321 --new-krn 2").ExitCode);
    }

    [Fact]
    public void AuditVerify_EmptyLog_IsIntact()
    {
        var run = Run("audit verify --json");

        Assert.True(run.Json().GetProperty("intact").GetBoolean());
    }

    [Fact]
    public void Reseal_ThenTheOldMasterKeyNoLongerOpensTheStore()
    {
        Run("keys generate --sgc 123456 --krn 1");

        var reseal = Run($"keys reseal --new-master-key-file {Path.Combine(folder, "next.key")} --json");
        var oldKey = Run("keys list");

        Assert.Equal(1, reseal.Json().GetProperty("resealed").GetInt32());
        Assert.Equal(1, oldKey.ExitCode);
        Assert.Contains("master key does not open", oldKey.Error);
    }

    private CliRun Run(string commandLine) => CliRun.Of([.. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--data", folder]);

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
