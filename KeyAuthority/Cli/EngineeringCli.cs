using System.CommandLine;
using System.Data.Common;
using SmsVending.Contracts.CommandLine;
using SmsVending.KeyAuthority.Keys;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The KeyAuthority command line: parses, runs, and turns bad input into one line on stderr and exit code 2.</summary>
internal static class EngineeringCli
{
    public const int BadInput = CliInputException.ExitCode;
    public const int Failed = 1;

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("SmsVending KeyAuthority: the secure module, and token engineering commands")
        {
            StsCommands.Create(output),
            OpaygoCommands.Create(output, time),
            KeysCommands.Create(output, time),
            MetersCommands.Create(output, time),
            KeyChangeCommands.Schedule(output, time),
            KeyChangeCommands.Rollover(output, time),
            AuditCommands.Create(output, time),
            ServeCommand.Create(time),
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            error.WriteLine($"error: {result.Errors[0].Message}");
            return BadInput;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException e)
        {
            return e.Report(error);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is InvalidOperationException or SealedKeyException or IOException or DbException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return Failed;
        }
    }

    private static string OneLine(string message) => message.Split('\n')[0].Split(" (Parameter '")[0].Trim();
}
