using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Graph;

/// <summary>
/// Each user's <see cref="LoadedGraph"/>, reloaded only when <c>users.graph_version</c> moved (one cheap query per
/// read). One refresh per user runs at a time and every request that needs it waits for that one.
/// </summary>
/// <remarks>
/// After a change a large library costs a reload and a preparation (about a second for 10k captures) before
/// it ranks again. Rankings may instead be answered from the previous version for a bounded time
/// (<see cref="GetForRankingAsync"/>) while the refresh runs in the background: what the reader just captured
/// shows a moment later, but feedback never waits, since exclusions apply per query on any version.
/// </remarks>
public sealed class ReaderGraphCache(Db db, IOptions<GraphRefreshOptions> options, TimeProvider time, ILogger<ReaderGraphCache> logger)
{
    readonly GraphRefreshOptions _options = options.Value;
    readonly ConcurrentDictionary<long, UserGraph> _users = new();

    /// <summary>The user's graph as of now: waits for a reload when it changed.</summary>
    public async Task<LoadedGraph> GetAsync(long userId, CancellationToken ct)
    {
        var version = await ReadVersionAsync(userId, ct);
        var user = _users.GetOrAdd(userId, _ => new UserGraph());
        return user.Current is { } current && current.Version >= version ? current : await FreshAsync(userId, user, version, ct);
    }

    /// <summary>
    /// The user's graph for a ranking. When it changed since the last load and it is large
    /// (<see cref="GraphRefreshOptions.BackgroundRefreshMinWorks"/>), the previous version answers, marked stale, while
    /// the new one loads in the background, for at most <see cref="GraphRefreshOptions.MaxStaleSeconds"/> after the
    /// change was first seen; after that requests wait for it, so a stale answer is never older than that bound.
    /// </summary>
    public async Task<GraphRead> GetForRankingAsync(long userId, CancellationToken ct)
    {
        var version = await ReadVersionAsync(userId, ct);
        var user = _users.GetOrAdd(userId, _ => new UserGraph());
        var current = user.Current;
        if (current is not null && current.Version >= version) return new GraphRead(current);
        if (current is { IsPrepared: true } && current.Works.Count >= _options.BackgroundRefreshMinWorks
            && time.GetUtcNow() - user.StaleSince(current.Version, time.GetUtcNow()) < TimeSpan.FromSeconds(_options.MaxStaleSeconds))
        {
            var refresh = user.Refresh(previous => LoadAsync(userId, previous), _options.BackgroundRefreshMinWorks);
            _ = refresh.ContinueWith(t => logger.LogError(t.Exception, "Refreshing the graph of user {UserId} failed", userId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return new GraphRead(current, true, await CapturedSinceAsync(userId, current.LastCaptureId, ct));
        }
        return new GraphRead(await FreshAsync(userId, user, version, ct));
    }

    async Task<LoadedGraph> FreshAsync(long userId, UserGraph user, long version, CancellationToken ct)
    {
        while (true)
        {
            // A refresh that started before this version was written loads an older one: wait, then start another.
            var graph = await user.Refresh(previous => LoadAsync(userId, previous), _options.BackgroundRefreshMinWorks).WaitAsync(ct);
            if (graph.Version >= version) return graph;
        }
    }

    // A capture whose extraction has not run has no work yet, and no work the old version could suggest for it.
    async Task<IReadOnlyList<long>> CapturedSinceAsync(long userId, long lastCaptureId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT work_id FROM captures WHERE user_id = @userId AND id > @lastCaptureId AND work_id IS NOT NULL",
            new { userId, lastCaptureId }, cancellationToken: ct))).AsList();
    }

    async Task<long> ReadVersionAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT graph_version FROM users WHERE id = @userId", new { userId }, cancellationToken: ct));
    }

    /// <summary>
    /// Loads and prepares the graph as it is now, off the request: a request that stops waiting does not cancel
    /// the refresh others wait for.
    /// </summary>
    async Task<LoadedGraph> LoadAsync(long userId, LoadedGraph? previous)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var graph = GraphLoader.Load(connection, userId, previous);
        // The load scanned every row once; its pages would otherwise sit in this pooled connection's cache.
        if (!db.IsPostgres) await connection.ExecuteAsync("PRAGMA shrink_memory");
        var loaded = watch.ElapsedMilliseconds;
        // Prepared as the last version was ranked (the same works read), so the next ranking finds it ready.
        graph.PreparedWith(previous?.PreparedReadWorks ?? []);
        logger.LogDebug("Loaded graph version {Version} of user {UserId} ({Works} works, edges {How}): rows read in {LoadMs} ms, prepared in {PrepareMs} ms",
            graph.Version, userId, graph.Works.Count, graph.IsIncremental ? "added since the last version" : "all", loaded, watch.ElapsedMilliseconds - loaded);
        return graph;
    }

    /// <summary>
    /// A large graph was just replaced: tens of megabytes of long-lived objects died at once, and the load and
    /// preparation left as much garbage. Left to the GC's budgets, that memory stays committed until gen2 happens to
    /// run (measured: 300 MB instead of about 230 MB resident on the 10k library after a few captures). One blocking
    /// compacting collection that decommits what it frees, once per refresh of a large library (at most one per
    /// write), costs a pause of tens of milliseconds on that scale.
    /// </summary>
    static void ReturnMemory() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>One user's current graph and the refresh under way, if any.</summary>
    sealed class UserGraph
    {
        readonly Lock _lock = new();
        Task<LoadedGraph>? _refresh;
        (long Version, DateTimeOffset Since)? _stale;

        public LoadedGraph? Current { get; private set; }

        /// <summary>When a request first found <paramref name="version"/> out of date.</summary>
        public DateTimeOffset StaleSince(long version, DateTimeOffset now)
        {
            lock (_lock)
            {
                if (_stale is not { } stale || stale.Version != version) _stale = (version, now);
                return _stale.Value.Since;
            }
        }

        /// <summary>The refresh under way, or a new one.</summary>
        /// <param name="compactAbove">The size (works) from which a replaced graph's memory is returned at once.</param>
        public Task<LoadedGraph> Refresh(Func<LoadedGraph?, Task<LoadedGraph>> load, int compactAbove)
        {
            lock (_lock)
            {
                if (_refresh is { IsCompleted: false } running) return running;
                return _refresh = Task.Run(async () =>
                {
                    var graph = await load(Current);
                    LoadedGraph? replaced = null;
                    lock (_lock)
                    {
                        if (Current is null || graph.Version >= Current.Version) (replaced, Current) = (Current, graph);
                    }
                    if (replaced is { } old && old.Works.Count >= compactAbove) ReturnMemory();
                    return graph;
                });
            }
        }
    }
}
