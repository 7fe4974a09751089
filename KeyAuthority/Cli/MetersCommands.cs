using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.CommandLine;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`meters import FILE.csv`: registers meter key records, all or none.</summary>
internal static class MetersCommands
{
    public static Command Create(TextWriter output, TimeProvider time) => new("meters", "Meter key records") { Import(output, time) };

    private static Command Import(TextWriter output, TimeProvider time)
    {
        var store = new StoreOptions(time);
        var file = new Argument<string>("FILE") { Description = "CSV with a header line (see README: meters import)" };
        var command = new Command("import", "Register every meter in a CSV file, or none if any line is bad") { file };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliInputException("FILE", $"no file {path}");
            }

            using var reader = new StreamReader(path);
            await using var services = await store.OpenAsync(result);
            var count = await services.GetRequiredService<MeterStore>().ImportAsync(reader, cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(new { imported = count }, $"registered {count} meters from {path}");
            return 0;
        });
        return command;
    }
}
