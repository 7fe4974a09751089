using System.Security.Cryptography;
using System.Text;

namespace SmsVending.Gateway.Staff;

/// <summary>The configured API keys, kept as SHA-256 digests and compared in constant time.</summary>
public sealed class ApiKeyRing
{
    private readonly (string Name, string Role, byte[] Digest)[] keys;

    /// <summary>Reads the keys from the Gateway's options; an unknown role or a short key fails at start.</summary>
    public ApiKeyRing(GatewayOptions options)
    {
        foreach (var (name, key) in options.ApiKeys)
        {
            if (!StaffRoles.Policies.ContainsKey(key.Role) || key.Key.Length < 16)
            {
                throw new InvalidOperationException($"Gateway:ApiKeys:{name} needs a Role (agent, supervisor, admin, manufacturing) and a Key of at least 16 characters");
            }
        }

        keys = [.. options.ApiKeys.Select(k => (k.Key, k.Value.Role, SHA256.HashData(Encoding.UTF8.GetBytes(k.Value.Key))))];
    }

    /// <summary>Who holds this key, or null.</summary>
    public (string Name, string Role)? Find(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        (string, string)? found = null;
        foreach (var (name, role, expected) in keys)
        {
            // No early exit: every key is compared, so timing says nothing about which matched.
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found = (name, role);
            }
        }

        return found;
    }
}
