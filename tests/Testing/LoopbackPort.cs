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

    private static readonly int End = EphemeralStart();

    // Test processes that run at once start at different places in the range.
    private static int next = Lowest + Environment.ProcessId * 97 % (End - Lowest);

    /// <summary>A port nothing listens on right now, not handed out before by this process.</summary>
    public static int Free()
    {
        for (var tries = 0; tries < End - Lowest; tries++)
        {
            var port = Lowest + (Interlocked.Increment(ref next) - Lowest) % (End - Lowest);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"no free loopback port from {Lowest} to {End - 1}");
    }

    /// <summary>The first port the system hands out for outgoing connections (Linux: the first number of ip_local_port_range).</summary>
    private static int EphemeralStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(Range) ? File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0] : "";
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start > Lowest + 1000 ? start : 32_768;
    }
}
