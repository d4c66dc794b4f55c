using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Trygg.Teams.Auth;

/// <summary>Whether the server can only be reached from this machine (a precondition for anonymous local mode).</summary>
public interface ILoopbackBinding
{
    bool ListensOnLoopbackOnly { get; }
}

/// <summary>Reads the addresses the server actually bound (<see cref="IServerAddressesFeature"/>).</summary>
internal sealed class ServerLoopbackBinding(IServer server) : ILoopbackBinding
{
    // Evaluated per call: the address list is only complete once the server has started, and it is short.
    public bool ListensOnLoopbackOnly => AreLoopbackOnly(server.Features.Get<IServerAddressesFeature>()?.Addresses);

    /// <summary>True only for a non-empty list in which every address is 127.x, [::1] or localhost.</summary>
    internal static bool AreLoopbackOnly(ICollection<string>? addresses) =>
        addresses is { Count: > 0 } && addresses.All(IsLoopbackAddress);

    private static bool IsLoopbackAddress(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        // Unix sockets and named pipes are local too, but we only vouch for what we can reason about.
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }

        var host = binding.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "*", "+", "0.0.0.0", "[::]" and any real host name are not loopback.
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
