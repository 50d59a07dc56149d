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
public sealed class SsrfGuard(IOptions<LookupsOptions> options, IHostResolver resolver)
{
    readonly IReadOnlyList<AllowedNetwork> _allowed = options.Value.AllowedNetworks.Select(AllowedNetwork.Parse).ToList();

    public static bool IsAllowedScheme(Uri uri) => uri.Scheme is "http" or "https";

    /// <summary>An address and port hqt may connect to: a public address, or one the allow-list names (on that port, if it names one).</summary>
    public bool IsAllowed(IPAddress address, int port) => AddressRanges.IsPublic(address) || _allowed.Any(n => n.Allows(address, port));

    /// <summary>The ConnectCallback: resolve, refuse if any address is off limits, else connect.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        // A name that resolves to both public and private addresses is refused outright: that is how rebinding looks.
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a, context.DnsEndPoint.Port)))
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
}

/// <summary>
/// An <c>AllowedNetworks</c> entry: an address or CIDR network, with or without a port. <c>127.0.0.1:8080</c>,
/// <c>[::1]:8080</c>, <c>10.0.0.0/8:443</c>, <c>[fd00::/8]:443</c> open that port only; a bare <c>127.0.0.1</c> or
/// <c>10.0.0.0/8</c> opens every port (allowing 127.0.0.1 for a local mirror would then open hqt's own API too).
/// </summary>
public sealed record AllowedNetwork(IPNetwork Network, int? Port)
{
    public bool Allows(IPAddress address, int port) =>
        (Port is null || Port == port) && (Network.Contains(address) || (address.IsIPv4MappedToIPv6 && Network.Contains(address.MapToIPv4())));

    public static AllowedNetwork Parse(string entry)
    {
        var text = entry.Trim();
        int? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0) throw Invalid(entry);
            if (close + 1 < text.Length)
                port = text[close + 1] == ':' && int.TryParse(text[(close + 2)..], out var p) && p is > 0 and < 65536 ? p : throw Invalid(entry);
            text = text[1..close];
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':');
            port = int.TryParse(text[(colon + 1)..], out var p) && p is > 0 and < 65536 ? p : throw Invalid(entry);
            text = text[..colon];
        }
        var network = IPNetwork.TryParse(text, out var n) ? n
            : IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
            : throw Invalid(entry);
        return new AllowedNetwork(network, port);
    }

    static OptionsValidationException Invalid(string entry) =>
        new("Hqt:Lookups:AllowedNetworks", typeof(LookupsOptions),
            [$"'{entry}' is not an address or CIDR network, optionally with a port (127.0.0.1:8080, [::1]:8080, 10.0.0.0/8)."]);
}
