using System.CommandLine;
using SmsVending.MeterEmulator.PhoneNetwork;

namespace SmsVending.MeterEmulator;

/// <summary>The emulator's command line.</summary>
/// <remarks>A named entry point rather than top-level statements: the web SDK makes a top-level Program public, which would
/// clash with the Gateway's Program in tests that host both.</remarks>
internal static class EmulatorProgram
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("SmsVending meter emulator: the world outside the service")
        {
            PhonesCommand.Create(),
            MobileMoney.MoneyCommand.Create(),
            Meters.MeterCommands.Create(Console.Out, Console.Error, TimeProvider.System),
            Devices.DeviceCommands.Create(Console.Out, Console.Error, TimeProvider.System),
            Sim.SimCommand.Create(),
            Ir.IrCommand.Create(Console.Out, Console.Error, TimeProvider.System),
            Demo.DemoCommand.Create(),
            Load.LoadCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
