using BenchmarkDotNet.Attributes;
using SmsVending.Contracts.Tokens.OpenPaygo;

namespace SmsVending.Benchmarks;

/// <summary>OpenPAYGO generation (cost grows with the count: the chain is walked from the start) and worst-case entry.</summary>
[MemoryDiagnoser]
public class OpenPaygoBenchmarks
{
    private static readonly OpenPaygoKey Key = OpenPaygoKey.Parse("a29ab82edc5fbbc41ec9530f6dac86b1");
    private const int StartingCode = 123456789;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private OpenPaygoDeviceState fresh = null!;
    private string aheadBy64 = "";

    /// <summary>The device's last count before the generated token.</summary>
    [Params(0, 200)]
    public int LastCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        fresh = new OpenPaygoDeviceState { Key = Key.ToHex(), StartingCode = StartingCode, LastCount = LastCount };
        // The furthest ADD_TIME a device still searches for: count last + 64.
        aheadBy64 = OpenPaygoEncoder.Generate(Key, StartingCode, LastCount + 62, OpenPaygoTokenType.AddTime, 7).Digits;
    }

    /// <summary>One standard ADD_TIME token.</summary>
    [Benchmark]
    public OpenPaygoToken GenerateStandard() => OpenPaygoEncoder.Generate(Key, StartingCode, LastCount, OpenPaygoTokenType.AddTime, 7);

    /// <summary>A device accepting a token 64 counts ahead: the longest chain walk a valid token needs.</summary>
    [Benchmark]
    public OpenPaygoEntry DecodeWorstCase() => OpenPaygoDevice.EnterToken(fresh, aheadBy64, Now);
}
