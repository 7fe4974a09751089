using System.CommandLine;
using SmsVending.Contracts.CommandLine;

namespace SmsVending.MeterEmulator.Sim;

/// <summary>How the sim commands take and check their input.</summary>
internal static partial class SimCommand
{
    private sealed record Io(TextWriter Output, TextWriter Error, TimeProvider Time)
    {
        public int Bad(string option, string message) => CliInputException.Report(Error, option, message);
    }

    // Zero or one value: a missing value is the action's to report, with the option's name and exit code 2.
    private static Option<string?> Value(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static string Required(ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { Length: > 0 } value ? value : throw new CliInputException(option.Name, "a value is required");

    private static SimImage Load(string path)
    {
        try
        {
            return SimImage.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliInputException("--sim", $"no SIM image at {path}");
        }
        catch (InvalidDataException e)
        {
            throw new CliInputException("--sim", $"{path} is not a SIM image: {e.Message}");
        }
    }

    private static string Unexpected(ParseResult result) => result.UnmatchedTokens.Count > 0 ? $" (not '{result.UnmatchedTokens[0]}')" : "";

    private static Command Action(Io io, Command command, Action<ParseResult> run)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result =>
        {
            if (result.UnmatchedTokens.Count > 0)
            {
                return io.Bad(command.Name, $"unexpected '{result.UnmatchedTokens[0]}'");
            }

            try
            {
                run(result);
                return 0;
            }
            catch (CliInputException e)
            {
                return io.Bad(e.Option, e.Message);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"error: {e.Message}");
                return Failed;
            }
        });
        return command;
    }
}
