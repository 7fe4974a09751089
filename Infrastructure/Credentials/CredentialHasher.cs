using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace SmsVending.Infrastructure.Credentials;

/// <summary>Hashes registration codes and PINs with Argon2id; the stored form names its parameters so they can be raised later.</summary>
/// <remarks>Format: <c>argon2id$m=19456,t=2,p=1$SALT$HASH</c> (salt and hash in base64).</remarks>
public sealed class CredentialHasher(int memoryKib = 19_456, int passes = 2)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A fresh salted hash of a secret.</summary>
    public string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, memoryKib, passes);
        return string.Create(CultureInfo.InvariantCulture,
            $"argon2id$m={memoryKib},t={passes},p=1${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether a secret matches a stored hash, compared in constant time.</summary>
    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "argon2id")
        {
            throw new FormatException("not an argon2id credential hash");
        }

        var settings = parts[1].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(secret, Convert.FromBase64String(parts[2]), settings["m"], settings["t"]);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string secret, byte[] salt, int memoryKib, int passes)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKib,
            NumberOfPasses = passes,
        });
        return algorithm.DeriveBytes(Encoding.UTF8.GetBytes(secret), salt, HashBytes);
    }
}
