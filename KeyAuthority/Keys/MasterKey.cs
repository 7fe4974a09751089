using System.Security.Cryptography;

namespace SmsVending.KeyAuthority.Keys;

/// <summary>Reads the 256-bit master key that seals every stored key: from an environment variable or a file.</summary>
public static class MasterKey
{
    /// <summary>The environment variable that may hold the master key as 64 hex digits.</summary>
    public const string EnvironmentVariable = "SMSVENDING_MASTER_KEY";

    /// <summary>The key from <see cref="EnvironmentVariable"/> when set, else from the file.</summary>
    public static byte[] Load(string? file)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Parse(fromEnvironment, $"environment variable {EnvironmentVariable}");
        }

        if (file is null)
        {
            throw new InvalidOperationException($"no master key: set {EnvironmentVariable} or configure a master key file");
        }

        return File.Exists(file)
            ? Parse(File.ReadAllText(file), file)
            : throw new FileNotFoundException($"master key file {file} does not exist", file);
    }

    /// <summary>The key in the file, creating it (owner-only, 0600) with a fresh random key when missing: the embedded default.</summary>
    public static byte[] LoadOrCreate(string file)
    {
        if (!File.Exists(file) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            Create(file);
        }

        return Load(file);
    }

    /// <summary>Writes a new random master key to a file only its owner can read; refuses to overwrite.</summary>
    public static void Create(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
    }

    private static byte[] Parse(string text, string source)
    {
        var hex = text.Trim();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(hex)
            : throw new InvalidOperationException($"the master key in {source} must be 64 hex digits");
    }
}
