using System.Net;

namespace SmsVending.Gateway.Webhooks;

/// <summary>How a provider that does not sign its callbacks proves it is the provider: a shared secret it sends back (in the
/// callback URL we register, or a header) and, optionally, the addresses it calls from.</summary>
public abstract class CallbackAuthentication
{
    /// <summary>The shared secret: query parameter <c>secret</c> or header <c>X-Callback-Secret</c>. Unset: no secret is asked.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>Source addresses or CIDR ranges allowed to call (e.g. 196.201.214.0/24). Empty: any source.</summary>
    public string[] AllowedSources { get; set; } = [];

    /// <summary>The allowed sources parsed (a bare address is a range of one); null when one is neither.</summary>
    public IReadOnlyList<IPNetwork>? Networks()
    {
        var ranges = new List<IPNetwork>();
        foreach (var source in AllowedSources)
        {
            if (IPNetwork.TryParse(source, out var range))
            {
                ranges.Add(range);
            }
            else if (IPAddress.TryParse(source, out var address))
            {
                ranges.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                return null;
            }
        }

        return ranges;
    }
}
