using System.Net;

namespace Hqt.Api.Lookups;

/// <summary>Which addresses are on the public internet: everything but the special-purpose ranges (RFC 6890 and friends).</summary>
public static class AddressRanges
{
    static readonly IPNetwork[] NonPublic =
    [
        // IPv4: this network, private, shared (CGNAT), loopback, link-local (incl. 169.254.169.254 metadata),
        // IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        // IPv6: unspecified, loopback, unique-local (incl. fd00:ec2::254 metadata), link-local, site-local,
        // multicast, documentation, discard.
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("100::/64"),
    ];

    static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");
    static readonly IPNetwork Ipv4Translated = IPNetwork.Parse("::ffff:0:0:0/96");
    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    static readonly IPNetwork LocalNat64 = IPNetwork.Parse("64:ff9b:1::/48");
    static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    /// <summary>
    /// Every IPv6 form that carries an IPv4 address is judged by that address: IPv4-mapped (::ffff:0:0/96),
    /// IPv4-compatible (::/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16, the
    /// address after the prefix) and Teredo (2001::/32: its server and, inverted, its client; both must be public).
    /// Local-use NAT64 (64:ff9b:1::/48, RFC 8215) is a site's own translator: never public, whatever it embeds.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return !NonPublic.Any(n => n.Contains(address));
        var bytes = address.GetAddressBytes();
        if (LocalNat64.Contains(address)) return false;
        if (Ipv4Compatible.Contains(address) || Ipv4Translated.Contains(address) || Nat64.Contains(address))
            return IsPublic(new IPAddress(bytes[12..16]));
        if (SixToFour.Contains(address)) return IsPublic(new IPAddress(bytes[2..6]));
        if (Teredo.Contains(address))
            return IsPublic(new IPAddress(bytes[4..8])) && IsPublic(new IPAddress(bytes[12..16].Select(b => (byte)~b).ToArray()));
        return !NonPublic.Any(n => n.Contains(address));
    }
}
