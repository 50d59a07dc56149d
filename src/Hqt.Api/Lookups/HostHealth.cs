using System.Collections.Concurrent;
using System.Net.Sockets;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// What hqt has learned about reaching hosts: a host that failed is left alone for a doubling backoff (a circuit
/// breaker: no request at all until then), and when several different hosts failed to connect with no success in
/// between, the network itself is taken to be down and all lookups pause, probing again after a doubling wait.
/// Each transition logs one line; the failures inside it are not logged again, so an offline machine stays quiet.
/// </summary>
public sealed class HostHealth(TimeProvider time, IOptions<LookupsOptions> options, ILogger<HostHealth> logger)
{
    readonly LookupsOptions _options = options.Value;
    readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    readonly Lock _gate = new();
    readonly HashSet<string> _unreachableSinceSuccess = new(StringComparer.OrdinalIgnoreCase);
    DateTimeOffset _offlineUntil;
    int _offlineRounds;

    sealed class HostState
    {
        public int Failures;
        public DateTimeOffset Until;
        public string Reason = "";
    }

    /// <summary>A host hqt is leaving alone, and until when.</summary>
    public sealed record Backoff(string Host, DateTimeOffset Until, string Reason);

    /// <summary>While the network looks down: when the next probe may go out; otherwise null.</summary>
    public DateTimeOffset? OfflineUntil
    {
        get
        {
            lock (_gate) return _offlineRounds > 0 ? _offlineUntil : null;
        }
    }

    public bool IsOffline => OfflineUntil is not null;

    /// <summary>Until when a host is being left alone, or null when it may be asked now.</summary>
    public DateTimeOffset? BackingOffUntil(string host) =>
        _hosts.TryGetValue(host, out var state) && state.Until > time.GetUtcNow() ? state.Until : null;

    public IReadOnlyList<Backoff> BackingOff()
    {
        var now = time.GetUtcNow();
        return _hosts.Where(h => h.Value.Until > now).Select(h => new Backoff(h.Key, h.Value.Until, h.Value.Reason))
            .OrderBy(b => b.Until).ToList();
    }

    public void RecordSuccess(string host)
    {
        _hosts.TryRemove(host, out _);
        lock (_gate)
        {
            _unreachableSinceSuccess.Clear();
            if (_offlineRounds == 0) return;
            _offlineRounds = 0;
        }
        logger.LogInformation("Lookups resumed: {Host} answered", host);
    }

    /// <summary>Records a failed request; the host is left alone for a doubling backoff.</summary>
    public void RecordFailure(string host, HostFailure failure, string reason)
    {
        var now = time.GetUtcNow();
        var state = _hosts.GetOrAdd(host, _ => new HostState());
        TimeSpan wait;
        lock (state)
        {
            state.Failures++;
            wait = Doubling(_options.HostBackoff, state.Failures, _options.MaxHostBackoff);
            state.Until = now + wait;
            state.Reason = reason;
        }
        if (failure == HostFailure.Unreachable && EnterOffline(host, now)) return;
        if (IsOffline)
            logger.LogDebug("Lookups to {Host} back off for {Wait}: {Reason}", host, wait, reason);
        else
            logger.LogInformation("Lookups to {Host} back off for {Wait}: {Reason}", host, wait, reason);
    }

    /// <summary>True when this failure (re)started an offline pause, which then logs instead of the host.</summary>
    bool EnterOffline(string host, DateTimeOffset now)
    {
        int rounds, hosts;
        DateTimeOffset until;
        lock (_gate)
        {
            _unreachableSinceSuccess.Add(host);
            hosts = _unreachableSinceSuccess.Count;
            if (hosts < Math.Max(1, _options.OfflineAfterHosts)) return false;
            // Already paused and not yet due to probe: one more failure from a job that was in flight.
            if (_offlineRounds > 0 && now < _offlineUntil) return true;
            rounds = ++_offlineRounds;
            until = _offlineUntil = now + Doubling(_options.OfflineBackoff, rounds, _options.MaxOfflineBackoff);
        }
        if (rounds == 1)
            logger.LogWarning("Lookups paused: no network ({Hosts} hosts unreachable, the last {Host}); next try at {Until:O}", hosts, host, until);
        else
            logger.LogInformation("Lookups still offline ({Host} unreachable); next try at {Until:O}", host, until);
        return true;
    }

    static TimeSpan Doubling(TimeSpan first, int round, TimeSpan max)
    {
        var wait = first * Math.Pow(2, Math.Min(30, Math.Max(0, round - 1)));
        return wait > max ? max : wait;
    }

    /// <summary>Whether an exception says the host could not be reached at all (name, route, refused connect).</summary>
    public static bool IsUnreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                    or SocketError.ConnectionRefused or SocketError.NetworkUnreachable or SocketError.HostUnreachable
                    or SocketError.NetworkDown or SocketError.TimedOut or SocketError.AddressNotAvailable })
                return true;
        return false;
    }
}

public enum HostFailure
{
    /// <summary>Could not connect (DNS, refused, no route): evidence that the network may be down.</summary>
    Unreachable,
    /// <summary>Connected, but the answer was an error or did not arrive in time: the host's own trouble.</summary>
    Failed,
}
