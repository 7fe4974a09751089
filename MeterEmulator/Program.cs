using System.CommandLine;
using SmsVending.MeterEmulator.PhoneNetwork;

var root = new RootCommand("SmsVending meter emulator: the world outside the service") { PhonesCommand.Create() };
return await root.Parse(args).InvokeAsync();
