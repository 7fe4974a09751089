using System.Net;
using System.Net.Sockets;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>Free TCP ports on 127.0.0.1, for servers a test starts on real loopback.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the system picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
