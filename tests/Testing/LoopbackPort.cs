using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmsVending.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts on real loopback, taken from below the system's ephemeral range.</summary>
/// <remarks>A port the system picks (a bind to port 0) comes from the ephemeral range, where every outgoing connection (to
/// PostgreSQL, RabbitMQ, another test's server) takes its local port too: between picking the port and the server binding it,
/// one of those can take it ("address already in use"). A port below that range is only ever taken by a listener asking for it.</remarks>
public static class LoopbackPort
{
    private const int Lowest = 20_000;

    /// <summary>Where the ephemeral range starts, or null when it leaves too little room below it (then the system picks).</summary>
    private static readonly int? End = EphemeralStart() is var start && start > Lowest + 1000 ? start : null;

    // Test processes that run at once start at different places in the range.
    private static int next = End is { } end ? Lowest + Environment.ProcessId * 97 % (end - Lowest) : 0;

    /// <summary>A port nothing listens on right now, not handed out before by this process.</summary>
    public static int Free()
    {
        if (End is not { } end)
        {
            return Listen(0)!.Value;
        }

        for (var tries = 0; tries < end - Lowest; tries++)
        {
            if (Listen(Lowest + (Interlocked.Increment(ref next) - Lowest) % (end - Lowest)) is { } port)
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port from {Lowest} to {end - 1}");
    }

    /// <summary>The port, when a listener could take it (0: the one the system picks); null when it is taken.</summary>
    private static int? Listen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException) when (port != 0)
        {
            return null;
        }
    }

    /// <summary>The first port the system hands out for outgoing connections (Linux: the first number of ip_local_port_range);
    /// 32768, the usual start, where that file is missing.</summary>
    private static int EphemeralStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(Range) ? File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0] : "";
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 32_768;
    }
}
