using System.CommandLine;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>The KeyAuthority command line: parses, runs, and turns bad input into one line on stderr and exit code 2.</summary>
internal static class EngineeringCli
{
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("SmsVending KeyAuthority: token engineering commands")
        {
            StsCommands.Create(output),
            OpaygoCommands.Create(output, time),
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
            error.WriteLine($"error: {e.Option}: {e.Message}");
            return BadInput;
        }
    }
}
