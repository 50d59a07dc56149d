using System.Net;
using System.Net.Sockets;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>Turns a host name into addresses; tests replace it to make a name resolve to a private address.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>The request was refused before anything was sent: the address is not one hqt may reach.</summary>
public sealed class BlockedAddressException(string message) : HttpRequestException(message);

/// <summary>
/// Keeps outbound requests off the server's own network: every connection is checked on the addresses the
/// name resolved to, just before connecting (SocketsHttpHandler.ConnectCallback), so DNS tricks and redirects
/// meet the same check as the first URL.
/// </summary>
public sealed class SsrfGuard(IOptions<HqtOptions> options, IHostResolver resolver)
{
    readonly IReadOnlyList<IPNetwork> _allowed = options.Value.Lookups.AllowedNetworks.Select(ParseNetwork).ToList();

    public static bool IsAllowedScheme(Uri uri) => uri.Scheme is "http" or "https";

    /// <summary>An address hqt may connect to: a public one, or one the allow-list names.</summary>
    public bool IsAllowed(IPAddress address) =>
        _allowed.Any(n => n.Contains(address) || (address.IsIPv4MappedToIPv6 && n.Contains(address.MapToIPv4()))) || AddressRanges.IsPublic(address);

    /// <summary>The ConnectCallback: resolve, refuse if any address is off limits, else connect.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        // A name that resolves to both public and private addresses is refused outright: that is how rebinding looks.
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a)))
            throw new BlockedAddressException($"Refused to connect to {host}: {(addresses.Length == 0 ? "no address" : "a non-public address")}.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static IPNetwork ParseNetwork(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry.Trim('[', ']'), out var address) ? new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : throw new OptionsValidationException("Hqt:Lookups:AllowedNetworks", typeof(LookupsOptions), [$"'{entry}' is not an address or a CIDR network."]);
}
