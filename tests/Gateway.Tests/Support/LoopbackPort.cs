using System.Net;
using System.Net.Sockets;

namespace SmsVending.Gateway.Tests.Support;

/// <summary>A free TCP port on 127.0.0.1, for servers that must know their address before they start.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
